using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Opper.Typed.Testing;

namespace Opper.Typed.Hosts.Tests;

/// <summary>
/// The package in an IDE-like host: MSBuildWorkspace opens a fresh consumer as Visual Studio and the C# Dev Kit do,
/// the analyzers and generator come from the package's analyzers/dotnet/cs folder, the code fixes are discovered in that
/// folder by their [ExportCodeFixProvider] attribute, and each one is applied: its diagnostic goes, the project compiles.
/// </summary>
public sealed class WorkspaceHostTests : IClassFixture<PackedConsumer>
{
    private static readonly Lazy<bool> Located = new(() =>
    {
        MSBuildLocator.RegisterDefaults();
        return true;
    });

    private readonly PackedConsumer _consumer;

    public WorkspaceHostTests(PackedConsumer consumer) => _consumer = consumer;

    [Fact]
    public async Task Every_packaged_fix_removes_its_diagnostic_and_the_project_still_compiles()
    {
        _ = Located.Value;
        var watch = Stopwatch.StartNew();
        using var workspace = MSBuildWorkspace.Create();
        var project = await workspace.OpenProjectAsync(_consumer.Project);
        LocalFeed.Progress($"workspace opened in {watch.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain(workspace.Diagnostics, d => d.Kind == WorkspaceDiagnosticKind.Failure);

        var packaged = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
            .Where(r => r.FullPath.Contains(Path.Combine("opper.typed", ""), StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(packaged, r => Path.GetFileName(r.FullPath) == "Opper.Typed.Generator.dll");
        var fixes = Fixes(packaged);
        Assert.Superset(new HashSet<string> { "OPPER001", "OPPER003", "OPPER004", "OPPER005", "OPPER006", "OPPER007", "OPPER009", "OPPER010", "OPPER011", "OPPER012" }, fixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet());

        var analyzers = packaged.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var document = project.Documents.Single(d => d.Name == PackedConsumer.MisuseFile);
        var before = await DiagnosticsAsync(document, analyzers);
        LocalFeed.Progress($"{before.Count} OPPER diagnostics after {watch.Elapsed.TotalSeconds:F1} s");
        Assert.DoesNotContain((await project.GetCompilationAsync())!.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var exercised = new HashSet<string>();
        var failures = new List<string>();
        foreach (var diagnostic in before)
        {
            foreach (var fix in fixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions.Take(1))
                {
                    var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
                    var after = await DiagnosticsAsync(changed, analyzers);
                    var errors = (await changed.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (after.Count(d => d.Id == diagnostic.Id) >= before.Count(d => d.Id == diagnostic.Id) || errors.Count > 0)
                    {
                        failures.Add($"{fix.GetType().Name} on {diagnostic.Id}: {after.Count(d => d.Id == diagnostic.Id)} left, errors: {string.Join("; ", errors.Take(2))}");
                    }

                    exercised.Add(fix.GetType().Name);
                }
            }
        }

        LocalFeed.Progress($"{exercised.Count} fixes applied after {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Empty(failures);
        Assert.Equal(fixes.Select(f => f.GetType().Name).Order(), exercised.Order());
    }

    /// <summary>The packaged code-fix providers, found as an IDE's MEF catalog finds them: by attribute, in the analyzer folder.</summary>
    private static List<CodeFixProvider> Fixes(IEnumerable<AnalyzerFileReference> packaged) =>
        packaged.Select(r => r.GetAssembly())
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t)
                        && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).OfType<ExportCodeFixProviderAttribute>().Any(e => e.Languages.Contains(LanguageNames.CSharp)))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

    private static async Task<List<Diagnostic>> DiagnosticsAsync(Document document, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var all = await compilation.WithAnalyzers(analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all.Where(d => d.Id.StartsWith("OPPER", StringComparison.Ordinal) && d.Location.SourceTree == tree).ToList();
    }
}
