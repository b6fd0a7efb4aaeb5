using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Opper.Typed.Core.Snapshot;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>The OPPER1xx diagnostics: problems with the catalog snapshot or the curated parameters file, worded in the shared core.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "Opper.Catalog";

        public static readonly DiagnosticDescriptor CatalogNotJson = Create(
            SnapshotProblemKind.CatalogNotJsonId, DiagnosticSeverity.Error, SnapshotProblemKind.CatalogNotJsonTitle, SnapshotProblemKind.CatalogNotJsonMessage);

        public static readonly DiagnosticDescriptor ModelMissingField = Create(
            SnapshotProblemKind.ModelMissingFieldId, DiagnosticSeverity.Warning, SnapshotProblemKind.ModelMissingFieldTitle, SnapshotProblemKind.ModelMissingFieldMessage);

        public static readonly DiagnosticDescriptor DuplicateModelId = Create(
            SnapshotProblemKind.DuplicateModelIdId, DiagnosticSeverity.Warning, SnapshotProblemKind.DuplicateModelIdTitle, SnapshotProblemKind.DuplicateModelIdMessage);

        public static readonly DiagnosticDescriptor UnknownCapability = Create(
            SnapshotProblemKind.UnknownCapabilityId, DiagnosticSeverity.Warning, SnapshotProblemKind.UnknownCapabilityTitle, SnapshotProblemKind.UnknownCapabilityMessage);

        public static readonly DiagnosticDescriptor ProviderWithoutDialect = Create(
            SnapshotProblemKind.ProviderWithoutDialectId, DiagnosticSeverity.Info, SnapshotProblemKind.ProviderWithoutDialectTitle, SnapshotProblemKind.ProviderWithoutDialectMessage);

        public static readonly DiagnosticDescriptor NameCollision = Create(
            SnapshotProblemKind.NameCollisionId, DiagnosticSeverity.Info, SnapshotProblemKind.NameCollisionTitle, SnapshotProblemKind.NameCollisionMessage);

        public static readonly DiagnosticDescriptor ValueNotIdentifier = Create(
            SnapshotProblemKind.ValueNotIdentifierId, DiagnosticSeverity.Warning, SnapshotProblemKind.ValueNotIdentifierTitle, SnapshotProblemKind.ValueNotIdentifierMessage);

        public static readonly DiagnosticDescriptor TwoSnapshots = Create(
            SnapshotProblemKind.TwoSnapshotsId, DiagnosticSeverity.Error, SnapshotProblemKind.TwoSnapshotsTitle, SnapshotProblemKind.TwoSnapshotsMessage);

        public static readonly DiagnosticDescriptor ParametersInvalid = Create(
            SnapshotProblemKind.ParametersInvalidId, DiagnosticSeverity.Error, SnapshotProblemKind.ParametersInvalidTitle, SnapshotProblemKind.ParametersInvalidMessage);

        public static readonly DiagnosticDescriptor CatalogShapeInvalid = Create(
            SnapshotProblemKind.CatalogShapeInvalidId, DiagnosticSeverity.Error, SnapshotProblemKind.CatalogShapeInvalidTitle, SnapshotProblemKind.CatalogShapeInvalidMessage);

        public static readonly DiagnosticDescriptor NameTaken = Create(
            SnapshotProblemKind.NameTakenId, DiagnosticSeverity.Info, SnapshotProblemKind.NameTakenTitle, SnapshotProblemKind.NameTakenMessage);

        public static readonly DiagnosticDescriptor DuplicateEntry = Create(
            SnapshotProblemKind.DuplicateEntryId, DiagnosticSeverity.Warning, SnapshotProblemKind.DuplicateEntryTitle, SnapshotProblemKind.DuplicateEntryMessage);

        private static readonly Dictionary<string, DiagnosticDescriptor> All = new Dictionary<string, DiagnosticDescriptor>
        {
            [CatalogNotJson.Id] = CatalogNotJson,
            [ModelMissingField.Id] = ModelMissingField,
            [DuplicateModelId.Id] = DuplicateModelId,
            [UnknownCapability.Id] = UnknownCapability,
            [ProviderWithoutDialect.Id] = ProviderWithoutDialect,
            [NameCollision.Id] = NameCollision,
            [ValueNotIdentifier.Id] = ValueNotIdentifier,
            [TwoSnapshots.Id] = TwoSnapshots,
            [ParametersInvalid.Id] = ParametersInvalid,
            [CatalogShapeInvalid.Id] = CatalogShapeInvalid,
            [NameTaken.Id] = NameTaken,
            [DuplicateEntry.Id] = DuplicateEntry,
        };

        public static DiagnosticDescriptor ById(string id) => All[id];

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
