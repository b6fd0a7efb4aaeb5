using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// One provider rule over <see cref="RequestFacts"/>. Add a rule by deriving from this in one file and listing it in
    /// <see cref="RequestRules.All"/>; the analyzer, the runtime validator and the emulator then all apply it, and the
    /// conformance test requires a case for it.
    /// </summary>
    internal abstract class RequestRule
    {
        /// <summary>The diagnostic id, e.g. <c>OPPER006</c>; the runtime's exception carries it too.</summary>
        public abstract string Id { get; }

        /// <summary>Whether the runtime applies it. False for advice only the editor can act on (use the typed class).</summary>
        public virtual bool AppliesAtRunTime => true;

        /// <summary>Whether the runtime refuses to send a request that breaks it; false means it is sent and logged.</summary>
        public virtual bool RejectsAtRunTime => true;

        /// <summary>Adds this rule's violations of the request to <paramref name="found"/>, creating the list only when one is found.</summary>
        public abstract void Check(RequestFacts request, ref List<RuleViolation>? found);

        protected RuleViolation Report(ref List<RuleViolation>? found, ViolationTarget target, int index, string field, string problem, string fix, string errorCode)
        {
            var violation = new RuleViolation(this, target, index, field, problem, fix, errorCode);
            (found ??= new List<RuleViolation>()).Add(violation);
            return violation;
        }
    }
}
