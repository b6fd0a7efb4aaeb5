using System.Diagnostics;
using System.Text.Json.Nodes;
using Opper.Typed.Testing;

namespace Opper.Typed.Hosts.Tests;

/// <summary>
/// The package in a real language server, csharp-ls (a local tool of this repository: dotnet-tools.json), as an editor
/// would drive it: the OPPER warnings are published at exact ranges once <c>csharp.analyzersEnabled</c> is on, and an
/// edit that introduces a misuse gets its warning. csharp-ls loads no code fixes from packages, so only diagnostics are
/// checked here; the workspace host test applies the fixes.
/// </summary>
public sealed class LanguageServerTests : IClassFixture<PackedConsumer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private readonly PackedConsumer _consumer;

    public LanguageServerTests(PackedConsumer consumer) => _consumer = consumer;

    [Fact]
    public async Task Diagnostics_appear_at_exact_ranges_and_follow_an_edit()
    {
        LocalFeed.Run(RepositoryPaths.Root, "tool", "restore");
        var start = new ProcessStartInfo("dotnet", ["tool", "run", "csharp-ls", "--", "--loglevel", "warning"]) { WorkingDirectory = RepositoryPaths.Root };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
        await using var client = new LspClient(start, settings);
        var watch = Stopwatch.StartNew();
        var root = new Uri(_consumer.Directory + Path.DirectorySeparatorChar).AbsoluteUri;
        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = root,
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject(), ["synchronization"] = new JsonObject { ["didSave"] = true } },
            },
            ["initializationOptions"] = settings.DeepClone(),
        }, Patience);
        await client.NotifyAsync("initialized", new JsonObject());
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });

        var uri = new Uri(Path.Combine(_consumer.Directory, PackedConsumer.MisuseFile)).AbsoluteUri;
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = PackedConsumer.Misuse },
        });

        var first = await client.WaitForDiagnosticsAsync(uri, d => Has(d, "OPPER006"), Patience);
        var toFirst = watch.Elapsed;
        var wrongType = first.Single(d => Code(d) == "OPPER006");
        var line = PackedConsumer.LineOf("OPPER006");
        Assert.Equal(line, (int)wrongType!["range"]!["start"]!["line"]!);
        var text = PackedConsumer.Misuse.Split('\n')[line];
        Assert.Equal("\"4\"", text.Substring((int)wrongType["range"]!["start"]!["character"]!, (int)wrongType["range"]!["end"]!["character"]! - (int)wrongType["range"]!["start"]!["character"]!));
        Assert.True(Has(first, "OPPER005") && Has(first, "OPPER009"), first.ToJsonString());

        // An edit introduces a value out of range on a new line: its warning is published for that line.
        var edited = PackedConsumer.Misuse.Replace("// OPPER009", "// OPPER009\n            new GrokImagineVideoRequest(\"p\") { Duration = 99 },", StringComparison.Ordinal);
        var editedLine = edited.Split('\n').ToList().FindIndex(l => l.Contains("Duration = 99", StringComparison.Ordinal));
        watch.Restart();
        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = edited }),
        });
        var after = await client.WaitForDiagnosticsAsync(uri, d => d.Any(x => Code(x) == "OPPER007" && (int)x!["range"]!["start"]!["line"]! == editedLine), Patience);
        var toEdit = watch.Elapsed;

        LocalFeed.Progress($"csharp-ls: first OPPER diagnostic after {toFirst.TotalSeconds:F1} s, after the edit {toEdit.TotalSeconds:F1} s; {after.Count} diagnostics");
    }

    private static bool Has(JsonArray diagnostics, string code) => diagnostics.Any(d => Code(d) == code);

    private static string? Code(JsonNode? diagnostic) => diagnostic?["code"] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject complex => (string?)complex["value"],
        _ => null,
    };
}
