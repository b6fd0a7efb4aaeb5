namespace Opper.Typed.Analyzers
{
    /// <summary>The public ids of the Opper.Typed analyzer rules.</summary>
    internal static class RuleIdentifiers
    {
        public const string MediaSourceKind = "OPPER001";
        public const string UnreachableUrl = "OPPER002";
        public const string UnknownModel = "OPPER003";
        public const string MissingCapability = "OPPER004";
        public const string UnknownParameter = "OPPER005";
        public const string WrongJsonType = "OPPER006";
        public const string ValueOutOfRange = "OPPER007";
        public const string ImageSizeMismatch = "OPPER008";
        public const string LiteralApiKey = "OPPER009";
        public const string TypedClassExists = "OPPER010";
        public const string RetiredModel = "OPPER011";
    }
}
