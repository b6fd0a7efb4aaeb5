using Microsoft.Extensions.Logging;

namespace Opper.Typed;

/// <summary>
/// Something about a request that does not stop it but is worth knowing: a model the snapshot does not know (sent, as
/// the live catalog may be newer), or a key sent through <c>AdditionalParameters</c>. The client logs these at <see cref="Level"/>.
/// </summary>
public sealed class VideoRequestNotice
{
    internal VideoRequestNotice(string ruleId, string field, string message, LogLevel level)
    {
        RuleId = ruleId;
        Field = field;
        Message = message;
        Level = level;
    }

    /// <summary>The rule, e.g. <c>OPPER013</c>: the analyzer reports the same id at compile time.</summary>
    public string RuleId { get; }

    /// <summary>The wire field, e.g. <c>parameters.new_knob</c>.</summary>
    public string Field { get; }

    /// <summary>The sentence, the same the analyzer shows.</summary>
    public string Message { get; }

    /// <summary>How loud it is: a warning for what may fail at the provider, debug for a deliberate escape hatch.</summary>
    public LogLevel Level { get; }

    /// <inheritdoc />
    public override string ToString() => $"{RuleId}: {Message}";
}
