using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Opper.Typed.Core.Snapshot;
using Opper.Typed.Generator.Pipeline;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>The generator must cost nothing on keystrokes that do not touch the snapshot, and little on ones that do.</summary>
public sealed class CachingTests
{
    private static readonly string[] TrackedSteps =
    [
        VideoTypesGenerator.TrackingNames.InputFiles, VideoTypesGenerator.TrackingNames.Options, VideoTypesGenerator.TrackingNames.Catalog,
        VideoTypesGenerator.TrackingNames.Models, VideoTypesGenerator.TrackingNames.Diagnostics, VideoTypesGenerator.TrackingNames.ModelNames,
    ];

    [Fact]
    public void Editing_an_unrelated_source_file_reruns_nothing()
    {
        var compilation = GeneratorHarness.Compilation("class A { }");
        var driver = GeneratorHarness.Driver(GeneratorHarness.DefaultFiles()).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { void M() { } }", path: "B.cs"));
        var run = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.All(run.TrackedSteps[step].SelectMany(s => s.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} was {output.Reason}"));
        }

        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_model_changes_only_that_models_output()
    {
        var compilation = GeneratorHarness.Compilation();
        var files = GeneratorHarness.DefaultFiles();
        var before = GeneratorHarness.Driver(files).RunGenerators(compilation);
        var catalog = Snapshot.Default();
        catalog.Model("xai/grok-imagine-video")["params"]!["video"]!["max_duration"] = 20;

        var after = before.ReplaceAdditionalText(files[0], catalog.Files()[0]);
        var run = after.RunGenerators(compilation).GetRunResult().Results.Single();

        var modelOutputs = run.TrackedSteps[VideoTypesGenerator.TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        var modified = modelOutputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((ModelToEmit)o.Value).Model.Id).ToList();
        Assert.Equal(["xai/grok-imagine-video"], modified);
        Assert.All(modelOutputs.Where(o => o.Reason != IncrementalStepRunReason.Modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{o.Reason}"));
        Assert.Contains("Accepted: 1 to 20.", run.GeneratedSources.Single(s => s.HintName == "GrokImagineVideoRequest.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_compilations_or_locations()
    {
        Type[] forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SyntaxTree), typeof(SemanticModel)];
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(SnapshotResult), typeof(InputFile), typeof(GeneratorOptions), typeof(ModelToEmit)]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Push(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
                foreach (var argument in field.FieldType.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }
        }

        // The shared core's model (public in both the runtime and the generator, so named here by name).
        Assert.Contains("VideoModelSpec", seen.Select(t => t.Name));
        Assert.Contains("VideoParameterSpec", seen.Select(t => t.Name));
        Assert.Contains(typeof(FileSpan), seen);
    }
}
