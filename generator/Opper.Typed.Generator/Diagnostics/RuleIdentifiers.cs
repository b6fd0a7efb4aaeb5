using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>The public ids of the OPPER0xx analyzer rules (the shared core's ids, as constants the release tracking can read).</summary>
    internal static class RuleIdentifiers
    {
        public const string MediaSourceKind = RuleIds.MediaSourceKind;
        public const string UnreachableUrl = RuleIds.UnreachableUrl;
        public const string UnknownModel = RuleIds.UnknownModel;
        public const string MissingCapability = RuleIds.MissingCapability;
        public const string UnknownParameter = RuleIds.UnknownParameter;
        public const string WrongJsonType = RuleIds.WrongJsonType;
        public const string ValueOutOfRange = RuleIds.ValueOutOfRange;
        public const string ImageSizeMismatch = RuleIds.ImageSizeMismatch;
        public const string LiteralApiKey = RuleIds.LiteralApiKey;
        public const string TypedClassExists = RuleIds.TypedClassExists;
        public const string RetiredModel = RuleIds.RetiredModel;
        public const string AdditionalParameterHasProperty = RuleIds.AdditionalParameterHasProperty;
        public const string UncheckedParameter = RuleIds.UncheckedParameter;
    }
}
