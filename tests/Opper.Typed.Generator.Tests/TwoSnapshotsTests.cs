extern alias runtime;

using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

// Inside the namespace, so these win over the generator's own (internal, visible here) copies of the core types.
using IVideoModelCatalog = runtime::Opper.Typed.IVideoModelCatalog;
using IVideoRequest = runtime::Opper.Typed.IVideoRequest;
using VideoModelCatalog = runtime::Opper.Typed.VideoModelCatalog;
using VideoRequest = runtime::Opper.Typed.VideoRequest;
using VideoRequestValidator = runtime::Opper.Typed.VideoRequestValidator;

/// <summary>
/// Two assemblies of one process, generated from different snapshots: in one, Veo's <c>durationSeconds</c> is a number
/// (as Google documents it); in the other, an override makes it a string. Each typed request is validated against its own
/// spec, and an untyped request without a catalog follows the documented precedence of the process-wide default.
/// </summary>
public sealed class TwoSnapshotsTests
{
    private const string Model = "vertexai/veo-3.1-fast-generate-001";

    private static readonly Lazy<(Assembly Strings, Assembly Numbers)> Assemblies = new(() =>
    {
        var strings = JsonNode.Parse(GeneratorHarness.SchemaText("video-parameters.json"))!.AsObject();
        strings["models"] ??= new JsonObject();
        strings["models"]![Model] = JsonNode.Parse("""{ "parameters": [ { "name": "durationSeconds", "type": "string", "values": ["4", "8"] } ] }""");
        var textual = Load("StringSeconds", GeneratorHarness.DefaultFiles(parameters: strings.ToJsonString()));
        var numeric = Load("NumberSeconds", GeneratorHarness.DefaultFiles());
        return (textual, numeric);
    });

    [Fact]
    public void Each_typed_request_is_validated_against_its_own_assemblys_spec()
    {
        var (strings, numbers) = Assemblies.Value;
        var fromStrings = Request(strings);
        var fromNumbers = Request(numbers);

        Assert.Equal("\"4\"", fromStrings.ToWireRequest().Parameters["durationSeconds"]!.ToJsonString());
        Assert.Equal("4", fromNumbers.ToWireRequest().Parameters["durationSeconds"]!.ToJsonString());
        Assert.Empty(VideoRequestValidator.FindProblems(fromStrings));
        Assert.Empty(VideoRequestValidator.FindProblems(fromNumbers));

        // The specs really differ: each body is wrong by the other's spec.
        var numbersCatalog = CatalogOf(numbers);
        Assert.Equal("parameters.durationSeconds", Assert.Single(VideoRequestValidator.FindProblems(fromStrings.ToWireRequest(), numbersCatalog)).Field);
    }

    [Fact]
    public void The_process_default_prefers_the_entry_assemblys_own_snapshot()
    {
        var (strings, numbers) = Assemblies.Value;
        var untyped = new VideoRequest(Model, "a cat") { Parameters = { ["durationSeconds"] = "4" } };
        var entry = typeof(VideoModelCatalog).GetProperty("EntryAssembly", BindingFlags.NonPublic | BindingFlags.Static)!;
        var original = entry.GetValue(null);
        try
        {
            entry.SetValue(null, (Func<Assembly?>)(() => strings));
            Assert.Empty(VideoRequestValidator.FindProblems(untyped));

            entry.SetValue(null, (Func<Assembly?>)(() => numbers));
            Assert.Equal("parameters.durationSeconds", Assert.Single(VideoRequestValidator.FindProblems(untyped)).Field);
        }
        finally
        {
            entry.SetValue(null, original);
        }
    }

    private static IVideoRequest Request(Assembly assembly)
    {
        var type = assembly.GetType("Opper.Typed.Veo31FastGenerate001Request")!;
        var request = (IVideoRequest)Activator.CreateInstance(type, "a cat")!;
        var seconds = type.GetProperty("DurationSeconds")!;
        seconds.SetValue(request, Enum.Parse(Nullable.GetUnderlyingType(seconds.PropertyType)!, "DurationSeconds4"));
        return request;
    }

    private static IVideoModelCatalog CatalogOf(Assembly assembly) =>
        (IVideoModelCatalog)assembly.GetType("Opper.Typed.OpperVideoModels")!.GetProperty("Catalog")!.GetValue(null)!;

    /// <summary>Compiles the generated classes into an assembly of the given name, loads it, and runs its module initializer (as loading it in an app would).</summary>
    private static Assembly Load(string name, TestFile[] files)
    {
        var (output, _, _) = GeneratorHarness.Run(files);
        using var stream = new MemoryStream();
        var emit = output.WithAssemblyName(name).Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var assembly = new AssemblyLoadContext(name).LoadFromStream(stream);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return assembly;
    }
}
