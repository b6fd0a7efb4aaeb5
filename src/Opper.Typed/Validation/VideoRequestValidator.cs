using Opper.Typed.Core.Rules;

namespace Opper.Typed;

/// <summary>
/// Checks a request before it is sent, so a request that cannot succeed costs no paid round trip. The provider rules
/// (inputs, media forms, parameter keys, JSON types, values) are the shared rules the analyzer applies at compile time
/// and the emulator enforces. A typed request carries its own model spec; any other request is looked up in the given
/// catalog (by default <see cref="VideoModelCatalog.Default"/>). A model the catalog does not know is checked for
/// structure only: the live catalog may be newer than the snapshot.
/// <see cref="OpperVideoClient.SubmitAsync"/> runs it unless <see cref="OpperVideoClientOptions.ValidateRequests"/> is off.
/// </summary>
public static class VideoRequestValidator
{
    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="catalog">Where to look up an untyped request's model; <see cref="VideoModelCatalog.Default"/> when null.</param>
    /// <exception cref="OpperValidationException">The first problem found, naming the field, the value and the fix.</exception>
    public static void Validate(IVideoRequest request, IVideoModelCatalog? catalog = null)
    {
        if (FindProblems(request, catalog) is [var first, ..])
        {
            throw first;
        }
    }

    /// <summary>Returns every problem of a request rather than throwing at the first.</summary>
    /// <param name="request">The request.</param>
    /// <param name="catalog">Where to look up an untyped request's model; <see cref="VideoModelCatalog.Default"/> when null.</param>
    /// <returns>The problems; empty when the request is valid.</returns>
    public static IReadOnlyList<OpperValidationException> FindProblems(IVideoRequest request, IVideoModelCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        VideoWireRequest wire;
        try
        {
            wire = request.ToWireRequest();
        }
        catch (OpperValidationException unsendable)
        {
            // A value with no wire form (an enum cast from a number no member has): the one problem there is to list.
            return [unsendable];
        }

        return Check(wire, request.ModelSpec, request.AdditionalParameterKeys, catalog ?? VideoModelCatalog.Default, out _) ?? [];
    }

    /// <summary>What does not stop a request but is logged when it is sent: an unknown model, keys sent through <c>AdditionalParameters</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="catalog">Where to look up an untyped request's model; <see cref="VideoModelCatalog.Default"/> when null.</param>
    /// <returns>The notices; empty when there are none, or when the request cannot be sent at all.</returns>
    public static IReadOnlyList<VideoRequestNotice> FindNotices(IVideoRequest request, IVideoModelCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        VideoWireRequest wire;
        try
        {
            wire = request.ToWireRequest();
        }
        catch (OpperValidationException)
        {
            // Unsendable (an enum cast from a number no member has): FindProblems reports it, and nothing is sent to log.
            return [];
        }

        Check(wire, request.ModelSpec, request.AdditionalParameterKeys, catalog ?? VideoModelCatalog.Default, out var notices);
        return notices ?? [];
    }

    /// <summary>
    /// Returns every problem of a wire body, looked up in the catalog: what a server that receives requests (the
    /// emulator, a proxy) refuses.
    /// </summary>
    /// <param name="request">The body of <c>POST /v3/videos</c>.</param>
    /// <param name="catalog">Where to look up the model; <see cref="VideoModelCatalog.Default"/> when null.</param>
    /// <returns>The problems; empty when the request is valid.</returns>
    public static IReadOnlyList<OpperValidationException> FindProblems(VideoWireRequest request, IVideoModelCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Check(request, spec: null, additionalKeys: null, catalog ?? VideoModelCatalog.Default, out _) ?? [];
    }

    /// <summary>
    /// The rejecting problems (null when none, so a valid request allocates no list), and in <paramref name="notices"/>
    /// what is sent anyway but worth a log line (a model the snapshot does not know, an AdditionalParameters key).
    /// </summary>
    /// <param name="wire">The body.</param>
    /// <param name="spec">The typed request's own spec, or null for an untyped request.</param>
    /// <param name="additionalKeys">The keys a typed request sends through AdditionalParameters.</param>
    /// <param name="catalog">Where an untyped request's model is looked up.</param>
    /// <param name="notices">Problems that do not stop the request.</param>
    /// <param name="uploadable">
    /// Which media values hold local bytes (<c>MediaInput.FromFile</c>, <c>FromBytes</c>) that the client uploads to
    /// Opper Files and sends as a file id: such a value is not refused for being a data-URI on a model that takes file
    /// ids, and the rules still read its bytes (an image's pixel size). None when null.
    /// </param>
    internal static List<OpperValidationException>? Check(
        VideoWireRequest wire, VideoModelSpec? spec, IEnumerable<string>? additionalKeys, IVideoModelCatalog catalog, out List<VideoRequestNotice>? notices,
        Func<string, bool>? uploadable = null)
    {
        notices = null;
        var name = string.IsNullOrWhiteSpace(wire.Model) ? "(no model)" : wire.Model;
        List<OpperValidationException>? problems = null;
        if (string.IsNullOrWhiteSpace(wire.Model))
        {
            return [new OpperValidationException(name, "model", "is empty", "Pass a model id such as \"vertexai/veo-3.1-fast-generate-001\" (GET /v3/videos/models lists them).")];
        }

        if (string.IsNullOrWhiteSpace(wire.Prompt))
        {
            (problems ??= []).Add(new OpperValidationException(name, "prompt", "is empty", "Describe the clip in the prompt."));
        }

        // A typed request brings its own spec (the one its class was generated from); only an untyped one needs the catalog.
        var model = spec ?? (catalog.TryGet(wire.Model, out var found) ? found : null);
        var facts = WireFacts.Rent(wire, model, typed: spec is not null, catalog, additionalKeys, uploadable);
        List<RuleViolation>? violations;
        try
        {
            violations = RequestRules.Check(facts, atRunTime: true);
        }
        finally
        {
            WireFacts.Return(facts);
        }

        if (violations is null)
        {
            return problems;
        }

        foreach (var violation in violations)
        {
            if (violation.Rule.AtRunTime == RunTimeAction.Reject)
            {
                (problems ??= []).Add(new OpperValidationException(name, violation.Field, violation.Problem, violation.Fix) { RuleId = violation.RuleId, ErrorCode = violation.ErrorCode });
            }
            else
            {
                var level = violation.Rule.AtRunTime == RunTimeAction.LogDebug ? Microsoft.Extensions.Logging.LogLevel.Debug : Microsoft.Extensions.Logging.LogLevel.Warning;
                (notices ??= []).Add(new VideoRequestNotice(violation.RuleId, violation.Field, violation.Message(name), level));
            }
        }

        return problems;
    }
}
