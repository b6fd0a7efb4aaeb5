using System.Diagnostics;

namespace Opper.Typed;

/// <summary>
/// Tracing and metrics of Opper.Typed: listen to the <see cref="ActivitySource"/> named <see cref="SourceName"/> and the
/// <see cref="System.Diagnostics.Metrics.Meter"/> named <see cref="MeterName"/> (the instruments are listed in the README).
/// </summary>
public static class OpperTelemetry
{
    /// <summary>The name of the activity source.</summary>
    public const string SourceName = "Opper.Typed";

    /// <summary>The name of the meter: jobs started, completed and failed, generation duration, polls per job, download bytes and duration.</summary>
    public const string MeterName = "Opper.Typed";

    internal static readonly ActivitySource Source = new(SourceName, typeof(OpperTelemetry).Assembly.GetName().Version?.ToString());
}
