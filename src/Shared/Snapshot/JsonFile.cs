using System.Collections.Generic;
using Opper.Typed.Core.Snapshot.Json;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>Parses an input file, turning a syntax error into a located problem instead of an exception.</summary>
    internal static class JsonFile
    {
        public static JsonValue? Read(SnapshotText file, LineMap lines, SnapshotProblemKind notJson, List<SnapshotProblem> problems)
        {
            try
            {
                return JsonReader.Parse(file.Text);
            }
            catch (JsonSyntaxException exception)
            {
                var span = lines.Span(exception.Offset, exception.Offset + 1);
                problems.Add(SnapshotProblem.Create(notJson, span, file.Path, $"{exception.Message} at {span.Position}"));
                return null;
            }
        }
    }
}
