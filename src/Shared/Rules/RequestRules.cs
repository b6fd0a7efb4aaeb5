using System;
using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>Every request rule, in the order their violations are reported. The one list the analyzer, the runtime and the emulator apply.</summary>
    internal static partial class RequestRules
    {
        /// <summary>
        /// Every rule file of <c>src/Shared/Rules/</c> (<see cref="Listed"/> is written by the build from the file names,
        /// so a new rule needs no line here), ordered by phase and then id: the order does not depend on how the file
        /// system lists the folder.
        /// </summary>
        public static readonly IReadOnlyList<RequestRule> All = Ordered(Listed());

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

        /// <summary>One instance of each rule file's class, in file-system order; generated into obj/ by Opper.Typed.Shared.props.</summary>
        private static partial RequestRule[] Listed();

        private static RequestRule[] Ordered(RequestRule[] rules)
        {
            Array.Sort(rules, (a, b) => a.Phase != b.Phase ? a.Phase.CompareTo(b.Phase) : string.CompareOrdinal(a.Id, b.Id));
            return rules;
        }
    }
}
