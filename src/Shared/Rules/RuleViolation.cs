using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>Which part of a request a violation is about, so the analyzer can underline it.</summary>
    internal enum ViolationTarget
    {
        /// <summary>The model id (or the creation of a typed request).</summary>
        Model,

        /// <summary><see cref="RequestFacts.Media"/>[Index].</summary>
        Media,

        /// <summary>The key of <see cref="RequestFacts.Parameters"/>[Index].</summary>
        ParameterKey,

        /// <summary>The value of <see cref="RequestFacts.Parameters"/>[Index].</summary>
        ParameterValue,

        /// <summary>The request as a whole.</summary>
        Request,
    }

    /// <summary>A broken rule: the field, what is wrong with it and what to do instead, worded once for every layer.</summary>
    internal sealed class RuleViolation
    {
        public RuleViolation(RequestRule rule, ViolationTarget target, int index, string field, string problem, string fix, string errorCode)
        {
            Rule = rule;
            Target = target;
            Index = index;
            Field = field;
            Problem = problem;
            Fix = fix;
            ErrorCode = errorCode;
        }

        public RequestRule Rule { get; }

        public string RuleId => Rule.Id;

        public ViolationTarget Target { get; }

        /// <summary>The index into the facts' media or parameters; -1 for the model or the request.</summary>
        public int Index { get; }

        /// <summary>The wire field, e.g. <c>image</c> or <c>parameters.seconds</c>.</summary>
        public string Field { get; }

        /// <summary>What is wrong, e.g. <c>must be a JSON string; got 4</c>.</summary>
        public string Problem { get; }

        /// <summary>What to do instead.</summary>
        public string Fix { get; }

        /// <summary>The v3 error code the emulator answers with, e.g. <c>invalid_parameter</c>.</summary>
        public string ErrorCode { get; }

        /// <summary>Machine-readable extras for code fixes (a suggestion, the expected JSON type, a rewrite).</summary>
        public List<KeyValuePair<string, string>> Hints { get; } = new List<KeyValuePair<string, string>>();

        public RuleViolation WithHint(string key, string? value)
        {
            if (value is not null)
            {
                Hints.Add(new KeyValuePair<string, string>(key, value));
            }

            return this;
        }

        /// <summary>The one sentence every layer shows: <c>openai/sora-2: 'parameters.seconds' must be a JSON string; got 4. Send it as a string: "4".</c></summary>
        public string Message(string model) => $"{model}: '{Field}' {Problem}. {Fix}";
    }
}
