using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>What the runtime validator does with a broken rule.</summary>
    internal enum RunTimeAction
    {
        /// <summary>Throw before sending: the request cannot succeed.</summary>
        Reject,

        /// <summary>Send it and log a warning: it may work (the live catalog may be newer than the snapshot).</summary>
        LogWarning,

        /// <summary>Send it and log at debug level: the user chose this on purpose (an escape hatch).</summary>
        LogDebug,

        /// <summary>Editor advice only; the runtime does not apply it.</summary>
        None,
    }

    /// <summary>
    /// One provider rule over <see cref="RequestFacts"/>. Add a rule by deriving from this in one file and listing it in
    /// <see cref="RequestRules.All"/>; the analyzer, the runtime validator and the emulator then all apply it, and the
    /// conformance test requires a case for it.
    /// </summary>
    internal abstract class RequestRule
    {
        /// <summary>The diagnostic id, e.g. <c>OPPER006</c>; the runtime's exception carries it too.</summary>
        public abstract string Id { get; }

        /// <summary>What the runtime does with a violation: refuse to send (the default), send and log, or nothing (editor advice).</summary>
        public virtual RunTimeAction AtRunTime => RunTimeAction.Reject;

        /// <summary>Whether the runtime applies it at all.</summary>
        public bool AppliesAtRunTime => AtRunTime != RunTimeAction.None;

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
