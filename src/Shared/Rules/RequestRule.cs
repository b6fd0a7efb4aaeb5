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
    /// Which part of a request a rule looks at. Rules report in this order (the runtime throws the first violation):
    /// what the request is for, then whether the model takes each input, then the inputs' form, then the parameter keys,
    /// then their values, then checks across fields. Within a phase, rules report in id order.
    /// </summary>
    internal enum RulePhase
    {
        /// <summary>The model id: unknown, retired, or with a typed class.</summary>
        Model,

        /// <summary>Whether the model takes an image or a video at all.</summary>
        Input,

        /// <summary>The form of a media input: its kind, whether the provider can fetch it.</summary>
        MediaForm,

        /// <summary>The parameter keys.</summary>
        ParameterKey,

        /// <summary>The parameter values: JSON type, set, range.</summary>
        ParameterValue,

        /// <summary>One field against another (an image's pixel size against the size parameter).</summary>
        CrossField,
    }

    /// <summary>
    /// One provider rule over <see cref="RequestFacts"/>, with its id, title and severity. A rule is one file in
    /// <c>src/Shared/Rules/</c> named after its class and ending in <c>Rule.cs</c>: the build lists every such file in
    /// <see cref="RequestRules.All"/> (see <c>Opper.Typed.Shared.props</c>), so the analyzer, the runtime validator and
    /// the emulator all apply it, and the conformance and docs tests require a case, a page and a release line for it.
    /// </summary>
    internal abstract class RequestRule
    {
        protected RequestRule(string id, string title, RulePhase phase, RuleSeverity severity = RuleSeverity.Warning)
        {
            Descriptor = new RuleDescriptor(id, title, severity, RuleDescriptor.UsageCategory, RuleDescriptor.CoreSentence);
            Phase = phase;
        }

        /// <summary>Id, title, severity and category, from which the analyzer's descriptor is made.</summary>
        public RuleDescriptor Descriptor { get; }

        /// <summary>The diagnostic id, e.g. <c>OPPER006</c>; the runtime's exception carries it too.</summary>
        public string Id => Descriptor.Id;

        /// <summary>Where its violations come in the list.</summary>
        public RulePhase Phase { get; }

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
