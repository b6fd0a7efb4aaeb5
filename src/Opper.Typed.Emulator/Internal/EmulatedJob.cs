namespace Opper.Typed.Emulator.Internal;

/// <summary>A job's fixed facts; its state is derived from the clock, so there is nothing to update.</summary>
internal sealed record EmulatedJob(string Id, string Model, string? Provider, DateTimeOffset CreatedAt, DateTimeOffset FinishesAt, bool Fails, string ClipSize, double? ClipSeconds)
{
    public string StateAt(DateTimeOffset now) => now < FinishesAt ? "processing" : Fails ? "failed" : "completed";
}
