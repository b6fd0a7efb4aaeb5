using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER006: a parameter in the wrong JSON type (Sora <c>seconds</c> as a number, Veo <c>durationSeconds</c> as a string).</summary>
    internal sealed class WrongJsonTypeRule : RequestRule
    {
        /// <summary>The JSON kind the code fix converts to: <c>string</c>, <c>number</c> or <c>boolean</c>.</summary>
        public const string ExpectedHint = "Expected";

        public const string DiagnosticId = "OPPER006";

        public WrongJsonTypeRule()
            : base(DiagnosticId, "Wrong JSON type for a parameter", RulePhase.ParameterValue)
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
                if (parameter.Value is not { } value || model.FindParameter(parameter.Key) is not { } spec || Fits(spec.Type, value))
                {
                    continue;
                }

                Report(ref found, ViolationTarget.ParameterValue, i, "parameters." + spec.Name, $"must be a JSON {TypeName(spec.Type)}; got {value.ToJson()}", ConvertHint(spec.Type, value), "invalid_parameter")
                    .WithHint(ExpectedHint, KindOf(spec.Type));
            }
        }

        public static bool Fits(VideoParameterType type, JsonLiteral value) => type switch
        {
            VideoParameterType.String => value.Kind == JsonLiteralKind.String,
            VideoParameterType.Boolean => value.IsBoolean,
            _ => value.Kind == JsonLiteralKind.Number,
        };

        public static string TypeName(VideoParameterType type) => type switch
        {
            VideoParameterType.String => "string",
            VideoParameterType.Boolean => "boolean",
            VideoParameterType.Integer => "integer",
            _ => "number",
        };

        /// <summary>The JSON kind of a type: an integer is a number on the wire.</summary>
        public static string KindOf(VideoParameterType type) => type == VideoParameterType.Integer ? "number" : TypeName(type);

        private static string ConvertHint(VideoParameterType type, JsonLiteral value)
        {
            if (type == VideoParameterType.String && value.Kind != JsonLiteralKind.Null)
            {
                return $"Send it as a string: {JsonLiteral.Quote(value.ToJson())}.";
            }

            if ((type == VideoParameterType.Number || type == VideoParameterType.Integer) && value.Kind == JsonLiteralKind.String)
            {
                return $"Send it as a number: {value.Text}.";
            }

            return $"Send a JSON {TypeName(type)}.";
        }
    }
}
