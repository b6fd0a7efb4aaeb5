using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER012: a typed request's <c>AdditionalParameters</c> sets a key its class has a property for
    /// (<c>AdditionalParameters = { ["size"] = "1280x720" }</c> on <c>Sora2Request</c>). It is sent, and it overrides
    /// the property, but the property would have checked it: use the property. The value's JSON type and range are
    /// still checked (OPPER006/007).
    /// </summary>
    internal sealed class AdditionalParameterHasPropertyRule : RequestRule
    {
        /// <summary>The property to move the value to, and the value as C# (an enum member, or empty: keep the value as written).</summary>
        public const string PropertyHint = "Property";
        public const string ReplacementHint = "Replacement";

        /// <summary>The property's JSON type (<see cref="VideoParameterType"/> name), so the fix can tell from syntax whether a value as written fits it.</summary>
        public const string TypeHint = "Type";

        public const string DiagnosticId = "OPPER012";

        public AdditionalParameterHasPropertyRule()
            : base(DiagnosticId, "Additional parameter has a typed property", RulePhase.ParameterKey)
        {
        }

        public override RunTimeAction AtRunTime => RunTimeAction.LogWarning;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { } model)
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var parameter = request.Parameters[i];
                if (!parameter.Additional || model.FindParameter(parameter.Key) is not { PropertyName.Length: > 0 } spec)
                {
                    continue;
                }

                Report(ref found, ViolationTarget.ParameterKey, i, "parameters." + spec.Name, $"is set through AdditionalParameters, but {model.RequestTypeName} has the typed property {spec.PropertyName}",
                        $"Set {spec.PropertyName} instead, so its value is checked.", "invalid_parameter")
                    .WithHint(PropertyHint, spec.PropertyName)
                    .WithHint(ReplacementHint, TypedClassExistsRule.TypedValue(spec, parameter.Value))
                    .WithHint(TypeHint, spec.Type.ToString());
            }
        }
    }
}
