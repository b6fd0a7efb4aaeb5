using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER010 (editor advice): an untyped request for a model that has a generated class. When every value has a typed
    /// form, the violation carries the rewrite (key → property, value → enum member) for the code fix.
    /// </summary>
    internal sealed class TypedClassExistsRule : RequestRule
    {
        public const string ClassHint = "ClassName";

        /// <summary>Key → property and value → enum member, per parameter, in <see cref="TypedRewrite"/>'s format.</summary>
        public const string RewriteHint = "Rewrite";

        /// <summary>The properties the typed class has (comma-separated): any other initializer member would not compile there.</summary>
        public const string PropertiesHint = "Properties";

        public const string DiagnosticId = "OPPER010";

        public TypedClassExistsRule()
            : base(DiagnosticId, "A typed request class exists for this model", RulePhase.Model, RuleSeverity.Info)
        {
        }

        public override RunTimeAction AtRunTime => RunTimeAction.None;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Typed || request.Model is not { HasDialect: true, RetiredAt: null } model || model.RequestTypeName.Length == 0)
            {
                return;
            }

            Report(ref found, ViolationTarget.Request, -1, "model", $"has a typed request class, {model.RequestTypeName}, which checks parameters at compile time",
                    $"Use new {model.RequestTypeName}(prompt).", "typed_class_exists")
                .WithHint(ClassHint, model.RequestTypeName)
                .WithHint(RewriteHint, Rewrite(request, model))
                .WithHint(PropertiesHint, TypedClassProperties.Of(model));
        }

        /// <summary>The mapping, or null when any value has no typed form (then the fix is not offered).</summary>
        private static string? Rewrite(RequestFacts request, VideoModelSpec model)
        {
            if (request.Media.Any(m => (m.Field != "image" && m.Field != "video") || !MissingCapabilityRule.Takes(model, m.Field)))
            {
                return null;
            }

            var entries = new List<TypedRewriteEntry>();
            foreach (var parameter in request.Parameters)
            {
                if (model.FindParameter(parameter.Key) is not { } spec || TypedValue(spec, parameter.Value) is not { } replacement)
                {
                    return null;
                }

                entries.Add(new TypedRewriteEntry(parameter.Key, spec.PropertyName, replacement, spec.Type.ToString()));
            }

            return TypedRewrite.Write(entries);
        }

        /// <summary>
        /// The value as its typed property takes it: <c>Enum.Member</c> for a listed value, empty for a value that is
        /// written the same way (a number, a bool, a string), null when it has no typed form (wrong type, not listed).
        /// </summary>
        public static string? TypedValue(VideoParameterSpec spec, JsonLiteral? value)
        {
            if (value is not { } known || !WrongJsonTypeRule.Fits(spec.Type, known))
            {
                return null;
            }

            if (spec.EnumTypeName is null)
            {
                return "";
            }

            return ValueOutOfRangeRule.MemberFor(spec, known) is { } member ? spec.EnumTypeName + "." + member.MemberName : null;
        }
    }
}
