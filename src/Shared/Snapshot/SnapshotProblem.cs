using System.Globalization;
using System.Linq;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>A problem found in a snapshot file, as a value: the OPPER1xx id, where, and the message's arguments.</summary>
    internal sealed record SnapshotProblem(string Id, FileSpan? Span, EquatableArray<string> Arguments)
    {
        public static SnapshotProblem Create(SnapshotProblemKind kind, FileSpan? span, params string[] arguments) =>
            new SnapshotProblem(kind.Id, span, arguments.ToEquatableArray());

        public SnapshotProblemKind Kind => SnapshotProblemKind.ById(Id);

        /// <summary>The message as the compiler shows it, for callers without Roslyn (the runtime's <c>VideoModelCatalog.Parse</c>).</summary>
        public string Message => string.Format(CultureInfo.InvariantCulture, Kind.MessageFormat, Arguments.Cast<object>().ToArray());
    }
}
