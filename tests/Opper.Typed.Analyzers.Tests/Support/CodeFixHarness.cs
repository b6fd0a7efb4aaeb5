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
        var files = GeneratorHarness.DefaultFiles();
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
        var diagnostics = await compilation.WithAnalyzers([new VideoRequestAnalyzer()], document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        var tree = await document.GetSyntaxTreeAsync();
        var diagnostic = diagnostics.FirstOrDefault(d => d.Id == diagnosticId && d.Location.SourceTree == tree)
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
}
