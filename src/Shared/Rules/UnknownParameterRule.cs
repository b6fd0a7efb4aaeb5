using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER005: a parameter key the model's dialect does not have, with "did you mean" (<c>duration_seconds</c> →
    /// <c>durationSeconds</c>). A typed request's <c>AdditionalParameters</c> are the escape hatch for such keys: OPPER013.
    /// </summary>
    internal sealed class UnknownParameterRule : RequestRule
    {
        public const string SuggestionHint = "Suggestion";

        public const string DiagnosticId = "OPPER005";

        public UnknownParameterRule()
            : base(DiagnosticId, "Unknown parameter", RulePhase.ParameterKey)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { HasDialect: true } model)
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var key = request.Parameters[i].Key;
                if (request.Parameters[i].Additional || model.FindParameter(key) is not null)
                {
                    continue;
                }

                var names = model.Parameters.Select(p => p.Name).ToList();
                var suggestion = Suggestions.Closest(key, names);
                Report(ref found, ViolationTarget.ParameterKey, i, "parameters." + key, $"is not a parameter of {model.Id}",
                        (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + $"Accepted: {MediaWording.List(names)}.", "invalid_parameter")
                    .WithHint(SuggestionHint, suggestion);
            }
        }
    }
}
