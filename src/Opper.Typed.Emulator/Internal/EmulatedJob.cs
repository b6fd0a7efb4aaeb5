namespace Opper.Typed.Emulator.Internal;

/// <summary>
/// A job's fixed facts; its state is derived from the clock, so there is nothing to update. <see cref="OutputFileId"/>
/// is the id its clip is stored under in the Files API (null when the request said <c>store: false</c> or the job fails).
/// </summary>
internal sealed record EmulatedJob(string Id, string Model, string? Provider, DateTimeOffset CreatedAt, DateTimeOffset FinishesAt, bool Fails, string ClipSize, double? ClipSeconds, string? OutputFileId = null)
{
    public string StateAt(DateTimeOffset now) => now < FinishesAt ? "processing" : Fails ? "failed" : "completed";
}
