namespace Opper.Typed.Cli.Jobs;

/// <summary>A failure after the paid POST: the cause, and the command that picks the job up again (or why none can).</summary>
internal sealed class CliResumableException(string followUp, Exception cause) : Exception(cause.Message, cause)
{
    /// <summary>A sentence for the user, e.g. <c>Job gen_1 keeps running; resume with: opper-typed download gen_1 --out clip.mp4</c>.</summary>
    public string FollowUp { get; } = followUp;
}
