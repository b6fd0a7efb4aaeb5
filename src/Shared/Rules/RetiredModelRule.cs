using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER011: a retired model, naming its successor.</summary>
    internal sealed class RetiredModelRule : RequestRule
    {
        /// <summary>The successor's id and, when the snapshot has it, its request class: the code fix switches to them.</summary>
        public const string SuccessorHint = "Successor";
        public const string SuccessorClassHint = "SuccessorClass";

        /// <summary>The properties the successor's class has (comma-separated), so the fix swaps a class only when every property carries over.</summary>
        public const string SuccessorPropertiesHint = "SuccessorProperties";

        public const string DiagnosticId = "OPPER011";

        public RetiredModelRule()
            : base(DiagnosticId, "Retired model", RulePhase.Model)
        {
        }

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is { RetiredAt: { } retiredAt } model)
            {
                Report(ref found, ViolationTarget.Model, -1, "model", $"was retired on {retiredAt}",
                        model.Successor is null ? "Choose another model." : $"Use {model.Successor} instead.", "model_retired")
                    .WithHint(SuccessorHint, model.Successor)
                    .WithHint(SuccessorClassHint, model.SuccessorRequestTypeName)
                    .WithHint(SuccessorPropertiesHint, Properties(request, model.Successor));
            }
        }

        /// <summary>The successor's class properties, when the catalog has the successor.</summary>
        private static string? Properties(RequestFacts request, string? id) =>
            id is not null && request.Catalog is not null && request.Catalog.TryGet(id, out var successor) ? TypedClassProperties.Of(successor) : null;
    }
}
