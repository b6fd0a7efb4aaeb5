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

        /// <summary>One line per parameter: <c>key \t Property \t Enum.Member</c> (an empty third part keeps the value as written).</summary>
        public const string RewriteHint = "Rewrite";

        public override string Id => RuleIds.TypedClassExists;

        public override bool AppliesAtRunTime => false;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Typed || request.Model is not { HasDialect: true, RetiredAt: null } model || model.RequestTypeName.Length == 0)
            {
                return;
            }

            Report(ref found, ViolationTarget.Request, -1, "model", $"has a typed request class, {model.RequestTypeName}, which checks parameters at compile time",
                    $"Use new {model.RequestTypeName}(prompt).", "typed_class_exists")
                .WithHint(ClassHint, model.RequestTypeName)
                .WithHint(RewriteHint, Rewrite(request, model));
        }

        /// <summary>The mapping, or null when any value has no typed form (then the fix is not offered).</summary>
        private static string? Rewrite(RequestFacts request, VideoModelSpec model)
        {
            if (request.Media.Any(m => (m.Field != "image" && m.Field != "video") || !MissingCapabilityRule.Takes(model, m.Field)))
            {
                return null;
            }

            var lines = new List<string>();
            foreach (var parameter in request.Parameters)
            {
                if (model.FindParameter(parameter.Key) is not { } spec || parameter.Value is not { } value || !WrongJsonTypeRule.Fits(spec.Type, value))
                {
                    return null;
                }

                var replacement = "";
                if (spec.EnumTypeName is not null)
                {
                    if (ValueOutOfRangeRule.MemberFor(spec, value) is not { } member)
                    {
                        return null;
                    }

                    replacement = spec.EnumTypeName + "." + member.MemberName;
                }

                lines.Add(parameter.Key + "\t" + spec.PropertyName + "\t" + replacement);
            }

            return string.Join("\n", lines);
        }
    }
}
