using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>OPPER011: a retired model, naming its successor.</summary>
    internal sealed class RetiredModelRule : RequestRule
    {
        public override string Id => RuleIds.RetiredModel;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is { RetiredAt: { } retiredAt } model)
            {
                Report(ref found, ViolationTarget.Model, -1, "model", $"was retired on {retiredAt}",
                    model.Successor is null ? "Choose another model." : $"Use {model.Successor} instead.", "model_retired");
            }
        }
    }
}
