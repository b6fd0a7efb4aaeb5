using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER007: a value outside the accepted set (an unknown size) or range (xAI <c>duration = 30</c>).</summary>
    internal sealed class ValueOutOfRangeRule : RequestRule
    {
        /// <summary>The accepted value closest to the given one (or the range's bound), as JSON, for the code fix.</summary>
        public const string NearestHint = "Nearest";

        public const string DiagnosticId = "OPPER007";

        public ValueOutOfRangeRule()
            : base(DiagnosticId, "Value outside the accepted set or range", RulePhase.ParameterValue)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { } model)
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var parameter = request.Parameters[i];
                if (parameter.UndefinedMember is { } cast && model.FindParameter(parameter.Key) is { EnumTypeName: not null } enumSpec)
                {
                    // No hint: the nearest JSON value is no C# the code fix could write into an enum property.
                    Report(ref found, ViolationTarget.ParameterValue, i, "parameters." + enumSpec.Name, UndefinedMemberProblem(enumSpec, cast), UndefinedMemberFix(enumSpec), "invalid_parameter");
                    continue;
                }

                if (parameter.Value is not { } value || model.FindParameter(parameter.Key) is not { } spec || !WrongJsonTypeRule.Fits(spec.Type, value))
                {
                    continue; // unknown or wrongly typed: OPPER005/006 say so.
                }

                if (spec.AllowedValues.Count > 0)
                {
                    if (MemberFor(spec, value) is null)
                    {
                        Report(ref found, ViolationTarget.ParameterValue, i, "parameters." + spec.Name, $"must be one of {MediaWording.List(spec.AllowedValues.Select(v => v.JsonText))}; got {value.ToJson()}",
                                "Use one of the listed values.", "invalid_parameter")
                            .WithHint(NearestHint, NearestListed(spec, value)?.ToJson());
                    }

                    continue;
                }

                if (value.Number is { } number && OutOfRange(spec, number))
                {
                    Report(ref found, ViolationTarget.ParameterValue, i, "parameters." + spec.Name,
                            $"must be {(spec.Type == VideoParameterType.Integer ? "an integer" : "a number")}{RangeText(spec)}; got {value.ToJson()}", "Use a value in the range.", "invalid_parameter")
                        .WithHint(NearestHint, JsonLiteral.FromNumber(NearestInRange(spec, number)).ToJson());
                }
            }
        }

        /// <summary>
        /// A typed enum property holding a number no member has: <c>is Seconds = (Sora2Seconds)4, not a member of Sora2Seconds</c>.
        /// The analyzer says it from the cast; the generated class throws it at run time (its emitter splits this text
        /// around the number), so both show one sentence.
        /// </summary>
        public static string UndefinedMemberProblem(VideoParameterSpec spec, string number) =>
            $"is {spec.PropertyName} = ({spec.EnumTypeName}){number}, not a member of {spec.EnumTypeName}";

        /// <summary>The members to use instead, with what each sends: <c>Use Sora2Seconds.Seconds4, … or Sora2Seconds.Seconds12 (sent as "4", "8", "12").</c></summary>
        public static string UndefinedMemberFix(VideoParameterSpec spec)
        {
            var members = spec.AllowedValues.Select(v => spec.EnumTypeName + "." + v.MemberName).ToList();
            if (members.Count == 0)
            {
                return "Leave it unset: the snapshot lists no value this enum can hold.";
            }

            var listed = members.Count == 1 ? members[0] : string.Join(", ", members.Take(members.Count - 1)) + " or " + members[members.Count - 1];
            return $"Use {listed} (sent as {string.Join(", ", spec.AllowedValues.Select(v => v.JsonText))}).";
        }

        /// <summary>The accepted value equal to the given one (numbers by value), if any.</summary>
        public static VideoParameterValue? MemberFor(VideoParameterSpec spec, JsonLiteral value)
        {
            // Indexed, not foreach: this runs for every parameter of every request, and an interface enumerator allocates.
            var allowedValues = spec.AllowedValues;
            for (var i = 0; i < allowedValues.Count; i++)
            {
                if (allowedValues[i].Literal.Equals(value))
                {
                    return allowedValues[i];
                }
            }

            return null;
        }

        /// <summary>A listed value close to the given one: the numerically nearest number, or the closest spelling of a string.</summary>
        private static JsonLiteral? NearestListed(VideoParameterSpec spec, JsonLiteral value)
        {
            if (value.Number is { } number)
            {
                return spec.AllowedValues.Where(v => v.Number is not null).OrderBy(v => Math.Abs(v.Number!.Value - number)).FirstOrDefault()?.Literal;
            }

            var closest = Suggestions.Closest(value.Text, spec.AllowedValues.Select(v => v.Literal.Text));
            return closest is null ? (JsonLiteral?)null : JsonLiteral.FromString(closest);
        }

        /// <summary>The number clamped into the range, and rounded for an integer.</summary>
        private static double NearestInRange(VideoParameterSpec spec, double number)
        {
            var nearest = Math.Max(spec.Minimum ?? double.MinValue, Math.Min(spec.Maximum ?? double.MaxValue, number));
            return spec.Type == VideoParameterType.Integer ? Math.Round(nearest, MidpointRounding.AwayFromZero) : nearest;
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
