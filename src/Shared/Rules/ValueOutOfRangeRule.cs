using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER007: a value outside the accepted set (an unknown size) or range (xAI <c>duration = 30</c>).</summary>
    internal sealed class ValueOutOfRangeRule : RequestRule
    {
        public override string Id => RuleIds.ValueOutOfRange;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { } model)
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var parameter = request.Parameters[i];
                if (parameter.Value is not { } value || model.FindParameter(parameter.Key) is not { } spec || !WrongJsonTypeRule.Fits(spec.Type, value))
                {
                    continue; // unknown or wrongly typed: OPPER005/006 say so.
                }

                var field = "parameters." + spec.Name;
                if (spec.AllowedValues.Count > 0)
                {
                    if (MemberFor(spec, value) is null)
                    {
                        Report(ref found, ViolationTarget.ParameterValue, i, field, $"must be one of {MediaWording.List(spec.AllowedValues.Select(v => v.JsonText))}; got {value.ToJson()}",
                            "Use one of the listed values.", "invalid_parameter");
                    }

                    continue;
                }

                if (value.Number is { } number && OutOfRange(spec, number))
                {
                    Report(ref found, ViolationTarget.ParameterValue, i, field,
                        $"must be {(spec.Type == VideoParameterType.Integer ? "an integer" : "a number")}{RangeText(spec)}; got {value.ToJson()}", "Use a value in the range.", "invalid_parameter");
                }
            }
        }

        /// <summary>The accepted value equal to the given one (numbers by value), if any.</summary>
        public static VideoParameterValue? MemberFor(VideoParameterSpec spec, JsonLiteral value)
        {
            foreach (var allowed in spec.AllowedValues)
            {
                if (allowed.Literal.Equals(value))
                {
                    return allowed;
                }
            }

            return null;
        }

        private static bool OutOfRange(VideoParameterSpec spec, double number) =>
            (spec.Type == VideoParameterType.Integer && number != Math.Floor(number))
            || number < (spec.Minimum ?? double.MinValue)
            || number > (spec.Maximum ?? double.MaxValue);

        private static string RangeText(VideoParameterSpec spec) => (spec.Minimum, spec.Maximum) switch
        {
            (double min, double max) => string.Format(CultureInfo.InvariantCulture, " from {0} to {1}", min, max),
            (double min, null) => string.Format(CultureInfo.InvariantCulture, " of at least {0}", min),
            (null, double max) => string.Format(CultureInfo.InvariantCulture, " of at most {0}", max),
            _ => "",
        };
    }
}
