namespace Opper.Typed.Core.Rules
{
    /// <summary>The public ids of the request rules, shared by the analyzer's diagnostics and the runtime's exceptions.</summary>
    internal static class RuleIds
    {
        public const string MediaSourceKind = "OPPER001";
        public const string UnreachableUrl = "OPPER002";
        public const string UnknownModel = "OPPER003";
        public const string MissingCapability = "OPPER004";
        public const string UnknownParameter = "OPPER005";
        public const string WrongJsonType = "OPPER006";
        public const string ValueOutOfRange = "OPPER007";
        public const string ImageSizeMismatch = "OPPER008";

        /// <summary>A source rule, not a request rule: only the analyzer can see a key written in code.</summary>
        public const string LiteralApiKey = "OPPER009";
        public const string TypedClassExists = "OPPER010";
        public const string RetiredModel = "OPPER011";
        public const string AdditionalParameterHasProperty = "OPPER012";
        public const string UncheckedParameter = "OPPER013";
    }
}
