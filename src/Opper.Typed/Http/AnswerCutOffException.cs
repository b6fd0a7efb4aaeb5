namespace Opper.Typed;

/// <summary>
/// The answer's headers arrived but its body broke off (reset, or the attempt's timeout). It keeps the bytes that did
/// arrive: the answer to a submission may already have named the job, and a paid job's id must not be dropped.
/// </summary>
internal sealed class AnswerCutOffException(System.Net.HttpStatusCode status, byte[] received, Exception cause)
    : HttpRequestException($"the {(int)status} answer broke off after {received.Length} bytes ({cause.Message.TrimEnd('.')})", cause, status)
{
    /// <summary>The body's bytes that arrived before it broke off.</summary>
    public byte[] Received { get; } = received;
}
