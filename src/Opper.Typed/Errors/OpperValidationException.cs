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
}
