using System.Collections.Generic;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>
    /// The OPPER1xx problems of a catalog snapshot or parameters file: id, severity, title and message, written once. The
    /// Roslyn assembly makes its compiler diagnostics from these constants; the runtime's catalog parser words its
    /// exceptions with them.
    /// </summary>
    internal sealed class SnapshotProblemKind
    {
        public const string CatalogNotJsonId = "OPPER101";
        public const string CatalogNotJsonTitle = "Catalog snapshot is not JSON";
        public const string CatalogNotJsonMessage = "The video catalog snapshot '{0}' is not valid JSON: {1}; no typed request classes are generated until it is fixed";

        public const string ModelMissingFieldId = "OPPER102";
        public const string ModelMissingFieldTitle = "Catalog model lacks a required field";
        public const string ModelMissingFieldMessage = "Model {0} in the catalog snapshot lacks the required field(s) {1}; no class is generated for it";

        public const string DuplicateModelIdId = "OPPER103";
        public const string DuplicateModelIdTitle = "Duplicate model id in the catalog";
        public const string DuplicateModelIdMessage = "Model id '{0}' appears more than once in the catalog snapshot; the first entry is used";

        public const string UnknownCapabilityId = "OPPER104";
        public const string UnknownCapabilityTitle = "Unknown capability";
        public const string UnknownCapabilityMessage = "Model '{0}' has the unknown capability '{1}'; it is ignored (known: video_generation, image_to_video, video_editing)";

        public const string ProviderWithoutDialectId = "OPPER105";
        public const string ProviderWithoutDialectTitle = "Provider has no parameter dialect";
        public const string ProviderWithoutDialectMessage = "Provider '{0}' of model '{1}' has no dialect in video-parameters.json; {2} takes its parameters through AdditionalParameters only";

        public const string NameCollisionId = "OPPER106";
        public const string NameCollisionTitle = "Class name collision resolved";
        public const string NameCollisionMessage = "Models {0} would share the class name {1}; each takes its provider part instead ({2})";

        public const string ValueNotIdentifierId = "OPPER107";
        public const string ValueNotIdentifierTitle = "Value cannot become an enum member";
        public const string ValueNotIdentifierMessage = "Value {0} of parameter '{1}' of model '{2}' cannot become a distinct C# enum member; it is left out of {3}";

        public const string TwoSnapshotsId = "OPPER108";
        public const string TwoSnapshotsTitle = "More than one snapshot given";
        public const string TwoSnapshotsMessage = "Two {0} files were given ('{1}' and '{2}'); set {3} to exactly one file; no typed request classes are generated until then";

        public const string ParametersInvalidId = "OPPER109";
        public const string ParametersInvalidTitle = "Parameters file is invalid";
        public const string ParametersInvalidMessage = "The parameters file '{0}' is invalid: {1}; no typed request classes are generated until it is fixed";

        public const string CatalogShapeInvalidId = "OPPER110";
        public const string CatalogShapeInvalidTitle = "Catalog snapshot has the wrong shape";
        public const string CatalogShapeInvalidMessage = "The catalog snapshot '{0}' does not have the shape of GET /v3/videos/models: {1}";

        public const string NameTakenId = "OPPER111";
        public const string NameTakenTitle = "Generated name changed to stay unique";
        public const string NameTakenMessage = "The {0} '{1}' of model '{2}' is already taken in {3}; it is generated as '{4}'";

        public const string DuplicateEntryId = "OPPER112";
        public const string DuplicateEntryTitle = "Duplicate entry in a snapshot list";
        public const string DuplicateEntryMessage = "{0} appears more than once in {1}; the first is used";

        public static readonly SnapshotProblemKind CatalogNotJson = new SnapshotProblemKind(CatalogNotJsonId, true, CatalogNotJsonMessage);
        public static readonly SnapshotProblemKind ModelMissingField = new SnapshotProblemKind(ModelMissingFieldId, false, ModelMissingFieldMessage);
        public static readonly SnapshotProblemKind DuplicateModelId = new SnapshotProblemKind(DuplicateModelIdId, false, DuplicateModelIdMessage);
        public static readonly SnapshotProblemKind UnknownCapability = new SnapshotProblemKind(UnknownCapabilityId, false, UnknownCapabilityMessage);
        public static readonly SnapshotProblemKind ProviderWithoutDialect = new SnapshotProblemKind(ProviderWithoutDialectId, false, ProviderWithoutDialectMessage);
        public static readonly SnapshotProblemKind NameCollision = new SnapshotProblemKind(NameCollisionId, false, NameCollisionMessage);
        public static readonly SnapshotProblemKind ValueNotIdentifier = new SnapshotProblemKind(ValueNotIdentifierId, false, ValueNotIdentifierMessage);
        public static readonly SnapshotProblemKind TwoSnapshots = new SnapshotProblemKind(TwoSnapshotsId, true, TwoSnapshotsMessage);
        public static readonly SnapshotProblemKind ParametersInvalid = new SnapshotProblemKind(ParametersInvalidId, true, ParametersInvalidMessage);
        public static readonly SnapshotProblemKind CatalogShapeInvalid = new SnapshotProblemKind(CatalogShapeInvalidId, true, CatalogShapeInvalidMessage);
        public static readonly SnapshotProblemKind NameTaken = new SnapshotProblemKind(NameTakenId, false, NameTakenMessage);
        public static readonly SnapshotProblemKind DuplicateEntry = new SnapshotProblemKind(DuplicateEntryId, false, DuplicateEntryMessage);

        private static readonly Dictionary<string, SnapshotProblemKind> All = new Dictionary<string, SnapshotProblemKind>
        {
            [CatalogNotJsonId] = CatalogNotJson,
            [ModelMissingFieldId] = ModelMissingField,
            [DuplicateModelIdId] = DuplicateModelId,
            [UnknownCapabilityId] = UnknownCapability,
            [ProviderWithoutDialectId] = ProviderWithoutDialect,
            [NameCollisionId] = NameCollision,
            [ValueNotIdentifierId] = ValueNotIdentifier,
            [TwoSnapshotsId] = TwoSnapshots,
            [ParametersInvalidId] = ParametersInvalid,
            [CatalogShapeInvalidId] = CatalogShapeInvalid,
            [NameTakenId] = NameTaken,
            [DuplicateEntryId] = DuplicateEntry,
        };

        private SnapshotProblemKind(string id, bool isError, string messageFormat)
        {
            Id = id;
            IsError = isError;
            MessageFormat = messageFormat;
        }

        public string Id { get; }

        /// <summary>An error stops generation; a warning or info leaves the rest of the snapshot usable.</summary>
        public bool IsError { get; }

        public string MessageFormat { get; }

        public static SnapshotProblemKind ById(string id) => All[id];
    }
}
