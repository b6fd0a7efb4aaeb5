using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Opper.Typed.Hangfire;

/// <summary>Checks the options when the host starts, each problem naming the setting.</summary>
internal sealed partial class OpperVideoJobOptionsValidator : IValidateOptions<OpperVideoJobOptions>
{
    public ValidateOptionsResult Validate(string? name, OpperVideoJobOptions options)
    {
        var problems = new List<string>();
        if (options.Queue is null || !QueueName().IsMatch(options.Queue))
        {
            problems.Add($"OpperVideoJobOptions.Queue must be lower-case letters, digits, '_' or '-', as Hangfire requires; got '{options.Queue}'.");
        }

        if (options.MaxStoredRequestBytes < 1024)
        {
            problems.Add($"OpperVideoJobOptions.MaxStoredRequestBytes must be at least 1024; got {options.MaxStoredRequestBytes}.");
        }

        if (options.CompletedJobRetention <= TimeSpan.Zero)
        {
            problems.Add($"OpperVideoJobOptions.CompletedJobRetention must be more than zero; got {options.CompletedJobRetention}.");
        }

        if (options.MaxStepFailures < 1 || options.MaxSubmitAttempts < 1)
        {
            problems.Add($"OpperVideoJobOptions.MaxStepFailures and MaxSubmitAttempts must be 1 or more; got {options.MaxStepFailures} and {options.MaxSubmitAttempts}.");
        }

        if (options.StepRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"OpperVideoJobOptions.StepRetryDelay must be zero or more; got {options.StepRetryDelay}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
