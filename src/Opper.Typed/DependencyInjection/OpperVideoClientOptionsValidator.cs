using Microsoft.Extensions.Options;

namespace Opper.Typed;

/// <summary>
/// Checks the options as the client's constructor will, environment fallbacks included, so a host with a missing key
/// or a bad setting fails at start-up (<c>ValidateOnStart</c>) with every problem named, not at its first request.
/// </summary>
internal sealed class OpperVideoClientOptionsValidator : IValidateOptions<OpperVideoClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OpperVideoClientOptions options)
    {
        var problems = ClientSettings.FindProblems(options, Environment.GetEnvironmentVariable);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
