using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER003: a model id the catalog snapshot does not know. At run time the request is still sent (the live catalog
    /// may be newer than the snapshot) and the violation is logged; in the editor it is a warning with "did you mean".
    /// </summary>
    internal sealed class UnknownModelRule : RequestRule
    {
        public const string SuggestionHint = "Suggestion";

        public const string DiagnosticId = "OPPER003";

        public UnknownModelRule()
            : base(DiagnosticId, "Unknown model id", RulePhase.Model)
        {
        }

        public override RunTimeAction AtRunTime => RunTimeAction.LogWarning;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Typed || request.Model is not null || string.IsNullOrWhiteSpace(request.ModelId))
            {
                return;
            }

            var suggestion = request.Catalog is null ? null : Suggestions.Closest(request.ModelId!, request.Catalog.Models.Select(m => m.Id));
            Report(ref found, ViolationTarget.Model, -1, "model", "is not in the catalog snapshot",
                    (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + "A model newer than the snapshot is sent unchecked.", "model_not_found")
                .WithHint(SuggestionHint, suggestion);
        }
    }
}
