using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Opper.Typed.Cli.Jobs;

/// <summary>
/// <c>generate --dry-run</c>: the body <c>POST /v3/videos</c> would carry, on standard output (so it pipes into a file
/// or <c>jq</c> as it is), and what it would cost, on standard error; no connection is made.
/// </summary>
internal static class DryRun
{
    private static readonly JsonSerializerOptions Indented = new(OpperJsonContext.Default.Options)
    {
        WriteIndented = true,
        // A prompt is shown as typed: "Tom's" rather than "Tom\u0027s". The text is printed, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Print(CliContext context, VideoRequest request)
    {
        var wire = request.ToWireRequest();
        context.Output.Data.WriteLine(JsonSerializer.Serialize(wire, (JsonTypeInfo<VideoWireRequest>)Indented.GetTypeInfo(typeof(VideoWireRequest))));
        // The tool's own snapshot, which the inputs were just checked against, prices it: no client, no key needed.
        var spec = OpperVideoModels.Catalog.TryGet(wire.Model, out var known) ? known : null;
        context.Messages.WriteLine(CostEstimator.Estimate(wire, spec) is { } cost
            ? $"Estimated cost: {cost}. Dry run: nothing was sent."
            : $"No price for {wire.Model} in this tool's catalog snapshot. Dry run: nothing was sent.");
        return ExitCodes.Ok;
    }
}
