using System.Collections.Generic;
using Microsoft.CodeAnalysis;

#if OPPER_ANALYZERS
// Linked into the analyzers only to format snapshot problems; these rules are released (and tracked) by the generator.
#pragma warning disable RS2000
#endif

namespace Opper.Typed.Generator
{
    /// <summary>The OPPER1xx diagnostics: problems with the catalog snapshot or the curated parameters file.</summary>
    internal static class DiagnosticDescriptors
    {
        public const string HelpLinkBase = "https://github.com/opper-typed/opper-typed/blob/main/docs/diagnostics/";
        private const string Category = "Opper.Catalog";

        public static readonly DiagnosticDescriptor CatalogNotJson = Create(
            "OPPER101", DiagnosticSeverity.Error, "Catalog snapshot is not JSON",
            "The video catalog snapshot '{0}' is not valid JSON: {1}; no typed request classes are generated until it is fixed");

        public static readonly DiagnosticDescriptor ModelMissingField = Create(
            "OPPER102", DiagnosticSeverity.Warning, "Catalog model lacks a required field",
            "Model {0} in the catalog snapshot lacks the required field(s) {1}; no class is generated for it");

        public static readonly DiagnosticDescriptor DuplicateModelId = Create(
            "OPPER103", DiagnosticSeverity.Warning, "Duplicate model id in the catalog",
            "Model id '{0}' appears more than once in the catalog snapshot; the first entry is used");

        public static readonly DiagnosticDescriptor UnknownCapability = Create(
            "OPPER104", DiagnosticSeverity.Warning, "Unknown capability",
            "Model '{0}' has the unknown capability '{1}'; it is ignored (known: video_generation, image_to_video, video_editing)");

        public static readonly DiagnosticDescriptor ProviderWithoutDialect = Create(
            "OPPER105", DiagnosticSeverity.Info, "Provider has no parameter dialect",
            "Provider '{0}' of model '{1}' has no dialect in video-parameters.json; {2} takes its parameters through AdditionalParameters only");

        public static readonly DiagnosticDescriptor NameCollision = Create(
            "OPPER106", DiagnosticSeverity.Info, "Class name collision resolved",
            "Models {0} would share the class name {1}; each takes its provider part instead ({2})");

        public static readonly DiagnosticDescriptor ValueNotIdentifier = Create(
            "OPPER107", DiagnosticSeverity.Warning, "Value cannot become an enum member",
            "Value {0} of parameter '{1}' of model '{2}' cannot become a distinct C# enum member; it is left out of {3}");

        public static readonly DiagnosticDescriptor TwoSnapshots = Create(
            "OPPER108", DiagnosticSeverity.Error, "More than one snapshot given",
            "Two {0} files were given ('{1}' and '{2}'); set {3} to exactly one file; no typed request classes are generated until then");

        public static readonly DiagnosticDescriptor ParametersInvalid = Create(
            "OPPER109", DiagnosticSeverity.Error, "Parameters file is invalid",
            "The parameters file '{0}' is invalid: {1}; no typed request classes are generated until it is fixed");

        public static readonly DiagnosticDescriptor CatalogShapeInvalid = Create(
            "OPPER110", DiagnosticSeverity.Error, "Catalog snapshot has the wrong shape",
            "The catalog snapshot '{0}' does not have the shape of GET /v3/videos/models: {1}");

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
        };

        public static DiagnosticDescriptor ById(string id) => All[id];

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
    }
}
