using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>Every request rule, in the order their violations are reported. The one list the analyzer, the runtime and the emulator apply.</summary>
    internal static class RequestRules
    {
        public static readonly IReadOnlyList<RequestRule> All = new RequestRule[]
        {
            new UnknownModelRule(),
            new RetiredModelRule(),
            new TypedClassExistsRule(),
            new MissingCapabilityRule(),
            new MediaSourceKindRule(),
            new UnreachableUrlRule(),
            new UnknownParameterRule(),
            new AdditionalParameterHasPropertyRule(),
            new UncheckedParameterRule(),
            new WrongJsonTypeRule(),
            new ValueOutOfRangeRule(),
            new ImageSizeRule(),
        };

        /// <summary>The violations of a request, or null when there are none (nothing is allocated for a valid request).</summary>
        /// <param name="request">The facts.</param>
        /// <param name="atRunTime">True for the runtime and the emulator: rules that are editor advice only are skipped.</param>
        public static List<RuleViolation>? Check(RequestFacts request, bool atRunTime)
        {
            List<RuleViolation>? found = null;
            for (var i = 0; i < All.Count; i++)
            {
                var rule = All[i];
                if (!atRunTime || rule.AppliesAtRunTime)
                {
                    rule.Check(request, ref found);
                }
            }

            return found;
        }
    }
}
