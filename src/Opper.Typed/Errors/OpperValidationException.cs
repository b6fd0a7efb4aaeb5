namespace Opper.Typed;

/// <summary>A request was rejected before sending: nothing left the process and nothing was paid for.</summary>
public sealed class OpperValidationException : OpperException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="model">The request's model id.</param>
    /// <param name="field">The offending field, e.g. <c>image</c> or <c>parameters.seconds</c>.</param>
    /// <param name="problem">What is wrong with the value.</param>
    /// <param name="fix">What to do instead.</param>
    public OpperValidationException(string model, string field, string problem, string fix)
        : base($"{model}: '{field}' {problem}. {fix}")
    {
        Model = model;
        Field = field;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The request's model id.</summary>
    public string Model { get; }

    /// <summary>The offending field, e.g. <c>image</c> or <c>parameters.seconds</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with the value.</summary>
    public string Problem { get; }

    /// <summary>What to do instead.</summary>
    public string Fix { get; }

    /// <summary>The rule that was broken, e.g. <c>OPPER006</c>: the analyzer reports the same id at compile time (see docs/diagnostics). Null for structural checks.</summary>
    public string? RuleId { get; init; }

    /// <summary>The v3 error code a server answers this problem with, e.g. <c>invalid_parameter</c>.</summary>
    public string ErrorCode { get; init; } = "invalid_request";
}
