using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>
    /// The OPPER0xx rules: misuse of the video API that the type system cannot see. A request rule's message is the shared
    /// core's sentence as is (<c>{0}</c>), so the editor and the runtime's exception say the same words.
    /// </summary>
    internal static class Descriptors
    {
        private const string Category = "Opper.Usage";
        private const string CoreSentence = "{0}";

        public static readonly DiagnosticDescriptor MediaSourceKind = Create(RuleIdentifiers.MediaSourceKind, "Media source kind not accepted by the provider");

        public static readonly DiagnosticDescriptor UnreachableUrl = Create(RuleIdentifiers.UnreachableUrl, "URL the provider cannot fetch");

        public static readonly DiagnosticDescriptor UnknownModel = Create(RuleIdentifiers.UnknownModel, "Unknown model id");

        public static readonly DiagnosticDescriptor MissingCapability = Create(RuleIdentifiers.MissingCapability, "Input the model does not take");

        public static readonly DiagnosticDescriptor UnknownParameter = Create(RuleIdentifiers.UnknownParameter, "Unknown parameter");

        public static readonly DiagnosticDescriptor WrongJsonType = Create(RuleIdentifiers.WrongJsonType, "Wrong JSON type for a parameter");

        public static readonly DiagnosticDescriptor ValueOutOfRange = Create(RuleIdentifiers.ValueOutOfRange, "Value outside the accepted set or range");

        public static readonly DiagnosticDescriptor ImageSizeMismatch = Create(RuleIdentifiers.ImageSizeMismatch, "Image size differs from the requested size");

        public static readonly DiagnosticDescriptor LiteralApiKey = Create(RuleIdentifiers.LiteralApiKey, "Literal Opper API key in source",
            message: "An Opper API key is written in source; read it from the OPPER_API_KEY environment variable or a secret store instead");

        public static readonly DiagnosticDescriptor TypedClassExists = Create(RuleIdentifiers.TypedClassExists, "A typed request class exists for this model", DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor RetiredModel = Create(RuleIdentifiers.RetiredModel, "Retired model");

        public static readonly DiagnosticDescriptor AdditionalParameterHasProperty = Create(RuleIdentifiers.AdditionalParameterHasProperty, "Additional parameter has a typed property");

        public static readonly DiagnosticDescriptor UncheckedParameter = Create(RuleIdentifiers.UncheckedParameter, "Additional parameter is sent unchecked", DiagnosticSeverity.Info);

        private static readonly Dictionary<string, DiagnosticDescriptor> ById = new Dictionary<string, DiagnosticDescriptor>
        {
            [MediaSourceKind.Id] = MediaSourceKind,
            [UnreachableUrl.Id] = UnreachableUrl,
            [UnknownModel.Id] = UnknownModel,
            [MissingCapability.Id] = MissingCapability,
            [UnknownParameter.Id] = UnknownParameter,
            [WrongJsonType.Id] = WrongJsonType,
            [ValueOutOfRange.Id] = ValueOutOfRange,
            [ImageSizeMismatch.Id] = ImageSizeMismatch,
            [TypedClassExists.Id] = TypedClassExists,
            [RetiredModel.Id] = RetiredModel,
            [AdditionalParameterHasProperty.Id] = AdditionalParameterHasProperty,
            [UncheckedParameter.Id] = UncheckedParameter,
        };

        /// <summary>The descriptor of a shared-core request rule.</summary>
        public static DiagnosticDescriptor ForRule(string ruleId) => ById[ruleId];

        private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity = DiagnosticSeverity.Warning, string message = CoreSentence) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
