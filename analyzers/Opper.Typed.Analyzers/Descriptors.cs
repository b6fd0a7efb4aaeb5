using Microsoft.CodeAnalysis;

namespace Opper.Typed.Analyzers
{
    /// <summary>The OPPER0xx rules: misuse of the video API that the type system cannot see.</summary>
    internal static class Descriptors
    {
        private const string HelpLinkBase = Generator.DiagnosticDescriptors.HelpLinkBase;
        private const string Category = "Opper.Usage";

        public static readonly DiagnosticDescriptor MediaSourceKind = Create(RuleIdentifiers.MediaSourceKind, "Media source kind not accepted by the provider",
            "{0} does not accept {1} as '{2}': it takes {3}");

        public static readonly DiagnosticDescriptor UnreachableUrl = Create(RuleIdentifiers.UnreachableUrl, "URL the provider cannot fetch",
            "'{0}' for {1} is {2}, which {3}'s servers cannot fetch; host the file at a public URL");

        public static readonly DiagnosticDescriptor UnknownModel = Create(RuleIdentifiers.UnknownModel, "Unknown model id",
            "Model '{0}' is not in the catalog snapshot{1}");

        public static readonly DiagnosticDescriptor MissingCapability = Create(RuleIdentifiers.MissingCapability, "Input the model does not take",
            "{0} does not take '{1}' (it has no {2} capability)");

        public static readonly DiagnosticDescriptor UnknownParameter = Create(RuleIdentifiers.UnknownParameter, "Unknown parameter",
            "'{0}' is not a parameter of {1}{2}; accepted: {3}");

        public static readonly DiagnosticDescriptor WrongJsonType = Create(RuleIdentifiers.WrongJsonType, "Wrong JSON type for a parameter",
            "Parameter '{0}' of {1} must be a JSON {2}; {3} is a {4}");

        public static readonly DiagnosticDescriptor ValueOutOfRange = Create(RuleIdentifiers.ValueOutOfRange, "Value outside the accepted set or range",
            "Parameter '{0}' of {1} must be {2}; got {3}");

        public static readonly DiagnosticDescriptor ImageSizeMismatch = Create(RuleIdentifiers.ImageSizeMismatch, "Image size differs from the requested size",
            "The image is {0} pixels, but {1} needs it to equal {2} {3}");

        public static readonly DiagnosticDescriptor LiteralApiKey = Create(RuleIdentifiers.LiteralApiKey, "Literal Opper API key in source",
            "An Opper API key is written in source; read it from the OPPER_API_KEY environment variable or a secret store instead");

        public static readonly DiagnosticDescriptor TypedClassExists = Create(RuleIdentifiers.TypedClassExists, "A typed request class exists for this model",
            "{0} has a typed request class, {1}, which checks parameters at compile time", DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor RetiredModel = Create(RuleIdentifiers.RetiredModel, "Retired model",
            "Model '{0}' was retired on {1}{2}");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
    }
}
