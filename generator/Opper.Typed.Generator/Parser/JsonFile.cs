using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Opper.Typed.Generator.Json;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Generator.Parser
{
    /// <summary>Parses an input file, turning a syntax error into a located diagnostic instead of an exception.</summary>
    internal static class JsonFile
    {
        public static JsonValue? Read(InputFile file, SourceText text, DiagnosticDescriptor notJson, List<DiagnosticInfo> diagnostics)
        {
            try
            {
                return JsonReader.Parse(file.Text);
            }
            catch (JsonSyntaxException exception)
            {
                var span = FileSpan.From(file.Path, text, exception.Offset, exception.Offset + 1);
                var message = $"{exception.Message} at line {span.StartLine + 1}, column {span.StartColumn + 1}";
                diagnostics.Add(DiagnosticInfo.Create(notJson, span, file.Path, message));
                return null;
            }
        }
    }
}
