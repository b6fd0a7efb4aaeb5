using System.Collections.Generic;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>
    /// The OPPER1xx problems of a catalog snapshot or parameters file: id, severity, title and message, written once. The
    /// Roslyn assembly makes its compiler diagnostics from <see cref="All"/>; the runtime's catalog parser words its
    /// exceptions with the same messages and stops at the same errors. A new problem is one field here, its page and its
    /// release-file line.
    /// </summary>
    internal sealed class SnapshotProblemKind
    {
        // Declared before the kinds: static fields initialize in textual order, and each kind adds itself here.
        private static readonly List<SnapshotProblemKind> Defined = new List<SnapshotProblemKind>();
        private static readonly Dictionary<string, SnapshotProblemKind> ByIdTable = new Dictionary<string, SnapshotProblemKind>();

        public static readonly SnapshotProblemKind CatalogNotJson = Define(
            "OPPER101", RuleSeverity.Error,
            "Catalog snapshot is not JSON",
            "The video catalog snapshot '{0}' is not valid JSON: {1}; no typed request classes are generated until it is fixed");

        public static readonly SnapshotProblemKind ModelMissingField = Define(
            "OPPER102", RuleSeverity.Warning,
            "Catalog model lacks a required field",
            "Model {0} in the catalog snapshot lacks the required field(s) {1}; no class is generated for it");

        public static readonly SnapshotProblemKind DuplicateModelId = Define(
            "OPPER103", RuleSeverity.Warning,
            "Duplicate model id in the catalog",
            "Model id '{0}' appears more than once in the catalog snapshot; the first entry is used");

        public static readonly SnapshotProblemKind UnknownCapability = Define(
            "OPPER104", RuleSeverity.Warning,
            "Unknown capability",
            "Model '{0}' has the unknown capability '{1}'; it is ignored (known: video_generation, image_to_video, video_editing)");

        public static readonly SnapshotProblemKind ProviderWithoutDialect = Define(
            "OPPER105", RuleSeverity.Info,
            "Provider has no parameter dialect",
            "Provider '{0}' of model '{1}' has no dialect in video-parameters.json; {2} takes its parameters through AdditionalParameters only");

        public static readonly SnapshotProblemKind NameCollision = Define(
            "OPPER106", RuleSeverity.Info,
            "Class name collision resolved",
            "Models {0} would share the class name {1}; each takes its provider part instead ({2})");

        public static readonly SnapshotProblemKind ValueNotIdentifier = Define(
            "OPPER107", RuleSeverity.Warning,
            "Value cannot become an enum member",
            "Value {0} of parameter '{1}' of model '{2}' cannot become a distinct C# enum member; it is left out of {3}");

        public static readonly SnapshotProblemKind TwoSnapshots = Define(
            "OPPER108", RuleSeverity.Error,
            "More than one snapshot given",
            "Two {0} files were given ('{1}' and '{2}'); set {3} to exactly one file; no typed request classes are generated until then");

        public static readonly SnapshotProblemKind ParametersInvalid = Define(
            "OPPER109", RuleSeverity.Error,
            "Parameters file is invalid",
            "The parameters file '{0}' is invalid: {1}; no typed request classes are generated until it is fixed");

        public static readonly SnapshotProblemKind CatalogShapeInvalid = Define(
            "OPPER110", RuleSeverity.Error,
            "Catalog snapshot has the wrong shape",
            "The catalog snapshot '{0}' does not have the shape of GET /v3/videos/models: {1}");

        public static readonly SnapshotProblemKind NameTaken = Define(
            "OPPER111", RuleSeverity.Info,
            "Generated name changed to stay unique",
            "The {0} '{1}' of model '{2}' is already taken in {3}; it is generated as '{4}'");

        public static readonly SnapshotProblemKind DuplicateEntry = Define(
            "OPPER112", RuleSeverity.Warning,
            "Duplicate entry in a snapshot list",
            "{0} appears more than once in {1}; the first is used");

        private SnapshotProblemKind(RuleDescriptor descriptor) => Descriptor = descriptor;

        /// <summary>Every kind, in id order.</summary>
        public static IReadOnlyList<SnapshotProblemKind> All => Defined;

        public RuleDescriptor Descriptor { get; }

        public string Id => Descriptor.Id;

        /// <summary>An error stops generation; a warning or info leaves the rest of the snapshot usable.</summary>
        public bool IsError => Descriptor.Severity == RuleSeverity.Error;

        public string MessageFormat => Descriptor.MessageFormat;

        public static SnapshotProblemKind ById(string id) => ByIdTable[id];

        private static SnapshotProblemKind Define(string id, RuleSeverity severity, string title, string message)
        {
            var kind = new SnapshotProblemKind(new RuleDescriptor(id, title, severity, RuleDescriptor.CatalogCategory, message));
            Defined.Add(kind);
            ByIdTable.Add(id, kind);
            return kind;
        }
    }
}
