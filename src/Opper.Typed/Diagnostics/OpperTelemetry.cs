using System.Diagnostics;

namespace Opper.Typed;

/// <summary>Tracing for Opper.Typed: listen to the <see cref="ActivitySource"/> named <c>Opper.Typed</c>.</summary>
public static class OpperTelemetry
{
    /// <summary>The name of the activity source.</summary>
    public const string SourceName = "Opper.Typed";

    internal static readonly ActivitySource Source = new(SourceName, typeof(OpperTelemetry).Assembly.GetName().Version?.ToString());
}
