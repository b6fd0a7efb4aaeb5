namespace Opper.Typed;

/// <summary>A broken rule: the field, what is wrong with it and what to do instead.</summary>
/// <param name="Field">The wire field, e.g. <c>image</c> or <c>parameters.seconds</c>.</param>
/// <param name="Problem">What is wrong, e.g. <c>must be a JSON string; got 4</c>.</param>
/// <param name="Fix">What to do instead.</param>
/// <param name="Code">A machine-readable kind, matching the v3 error codes the emulator answers with.</param>
internal sealed record RuleViolation(string Field, string Problem, string Fix, string Code)
{
    public OpperValidationException ToException(string model) => new(model, Field, Problem, Fix);
}
