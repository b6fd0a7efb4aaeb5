namespace Opper.Typed.Cli;

/// <summary>Inputs the command refuses before sending anything, every problem at once, each in command-line words.</summary>
internal sealed class CliInputException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    /// <summary>One sentence per problem, naming the option and the fix, e.g. <c>--image cat.png: file not found.</c></summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
