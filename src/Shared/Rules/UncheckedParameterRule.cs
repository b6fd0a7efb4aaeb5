using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// OPPER013 (info): a typed request's <c>AdditionalParameters</c> sets a key the snapshot does not know. That is the
    /// escape hatch for a parameter the provider added after the snapshot was taken: it is sent verbatim and unchecked,
    /// never refused. The editor says so once; the runtime logs it at debug level.
    /// </summary>
    internal sealed class UncheckedParameterRule : RequestRule
    {
        public const string DiagnosticId = "OPPER013";

        public UncheckedParameterRule()
            : base(DiagnosticId, "Additional parameter is sent unchecked", RulePhase.ParameterKey, RuleSeverity.Info)
        {
        }

        public override RunTimeAction AtRunTime => RunTimeAction.LogDebug;

        public override void Check(RequestFacts request, ref List<RuleViolation>? found)
        {
            if (request.Model is not { HasDialect: true } model)
            {
                return;
            }

            for (var i = 0; i < request.Parameters.Count; i++)
            {
                var parameter = request.Parameters[i];
                if (parameter.Additional && model.FindParameter(parameter.Key) is null)
                {
                    Report(ref found, ViolationTarget.ParameterKey, i, "parameters." + parameter.Key, "is not in the snapshot",
                        "It is sent unchecked; refresh the snapshot to have it typed.", "unchecked_parameter");
                }
            }
        }
    }
}
