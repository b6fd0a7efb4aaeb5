using Opper.Typed.Generator.Analyzers;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Analyzers.Tests.Support;

/// <summary>Applies a code fix as the IDE would: in a workspace holding the user's file, the generated classes and the snapshot.</summary>
internal static class CodeFixHarness
{
    /// <summary>The file after the first fix offered for the first diagnostic with the id, or null when none is offered.</summary>
    public static async Task<string?> ApplyAsync(CodeFixProvider fix, string source, string diagnosticId)
    {
        var (document, documentId, diagnostics) = await OpenAsync(source);
        var diagnostic = diagnostics.FirstOrDefault(d => d.Id == diagnosticId)
            ?? throw new InvalidOperationException($"no {diagnosticId} in Use.cs; the analyzer reported: {string.Join(", ", diagnostics.Select(d => d.Id))}");

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        if (actions.Count == 0)
        {
            return null;
        }

        var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(documentId)!;
        return (await changed.GetTextAsync()).ToString();
    }

    /// <summary>Every packaged code fix: the exported providers of the code-fix assembly, as an IDE discovers them.</summary>
    public static IReadOnlyList<CodeFixProvider> AllFixes { get; } = typeof(Opper.Typed.CodeFixes.UseSuggestionCodeFix).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>What applying every offered fix to every diagnostic of a file did: how many were applied, and what went wrong.</summary>
    public static async Task<(int Applied, List<string> Problems)> ApplyEveryFixAsync(string source)
    {
        var (document, documentId, diagnostics) = await OpenAsync(source);
        var compiledBefore = !(await document.Project.GetCompilationAsync())!.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        var problems = new List<string>();
        var applied = 0;
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fix in AllFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                try
                {
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(documentId)!;
                        applied++;
                        var errors = (await changed.Project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                        if (compiledBefore && errors.Count > 0)
                        {
                            problems.Add($"{fix.GetType().Name} on {diagnostic.Id} broke the build: {errors[0]}\n{await changed.GetTextAsync()}");
                        }
                    }
                }
                catch (Exception exception)
                {
                    problems.Add($"{fix.GetType().Name} threw on {diagnostic.Id}: {exception}");
                }
            }
        }

        return (applied, problems);
    }

    private static async Task<(Document Document, DocumentId Id, List<Diagnostic> Diagnostics)> OpenAsync(string source)
    {
        var files = Snapshot.LiveSoraFiles;
        var (_, run, _) = GeneratorHarness.Run(files, source);
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: GeneratorHarness.Compilation().References));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Use.cs", SourceText.From(source, Encoding.UTF8));
        foreach (var generated in run.Results.Single().GeneratedSources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), generated.HintName, generated.SourceText);
        }

        foreach (var file in files)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Content), filePath: file.Path);
        }

        var document = solution.GetDocument(documentId)!;
        var compilation = (await document.Project.GetCompilationAsync())!;
        var failures = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, (exception, _, _) => { lock (failures) { failures.Add(exception); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([new VideoRequestAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(failures); // an analyzer exception is AD0001 in a user's build
        var tree = await document.GetSyntaxTreeAsync();
        return (document, documentId, diagnostics.Where(d => d.Location.SourceTree == tree).ToList());
    }
}
