namespace Opper.Typed;

/// <summary>The client's cost estimate: what a request will cost, before anything is sent.</summary>
public partial class OpperVideoClient
{
    /// <summary>
    /// What <paramref name="request"/> will cost, in US dollars, worked out from the model's catalog price without a
    /// call. The clip's length is the one the request asks for (a number, or a string such as Sora's <c>"4"</c>), else its
    /// provider's documented default, else the model's longest clip: never lower than the bill.
    /// </summary>
    /// <param name="request">A typed request (e.g. <c>Veo31FastGenerate001Request</c>) or a <see cref="VideoRequest"/>.</param>
    /// <returns>The estimate; null when neither the catalog nor <see cref="OpperVideoClientOptions.Budget"/> has a price for the model.</returns>
    /// <example>
    /// <code>
    /// VideoCostEstimate? cost = client.EstimateCost(new Veo31FastGenerate001Request("a hot air balloon at dawn") { DurationSeconds = 4 });
    /// // 0.60 USD (4 s × 0.15/s)
    /// </code>
    /// </example>
    public virtual VideoCostEstimate? EstimateCost(IVideoRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wire = request.ToWireRequest();
        var spec = request.ModelSpec ?? FindSpec(request.Model);
        return _context is { } context ? context.Budget.Estimate(wire, spec) : CostEstimator.Estimate(wire, spec);
    }

    /// <summary>
    /// The POST, traced, counted and logged, with the job's estimate reserved first (or already, before its uploads:
    /// <paramref name="reserved"/>): over the budget it throws and nothing is sent. A POST that surely created no job gives
    /// its reservation back; one whose answer was lost keeps it, since that job may be billed. One method for all of it:
    /// each awaiting layer on the path every job takes is another state machine allocated per submission.
    /// </summary>
    private async Task<VideoJob> SendAsync(
        VideoWireRequest wire, VideoModelSpec? spec, CancellationToken cancellationToken, VideoCostEstimate? estimated = null, BudgetTicket? reserved = null)
    {
        var context = Context;
        using var activity = OpperTelemetry.Source.StartActivity("opper.video.submit");
        activity?.SetTag("opper.model", wire.Model);
        var ticket = reserved ?? context.Budget.Reserve(wire, spec ?? FindSpec(wire.Model), estimated);
        VideoJob job;
        try
        {
            job = await context.Submitter.SubmitAsync(wire, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            context.Budget.Settle(ticket, wire.Model, exception);
            throw;
        }

        context.Budget.Settle(ticket, wire.Model, failure: null);
        activity?.SetTag("opper.job_id", job.Id);
        context.Metrics.JobStarted(wire.Model);
        Log.Submitted(context.Logger, job.Id, wire.Model);
        return job;
    }

    /// <summary>The model's spec in the client's catalog (the options' <c>Models</c>, else the default one).</summary>
    private VideoModelSpec? FindSpec(string model) =>
        (_context?.Settings.Models ?? VideoModelCatalog.Default).TryGet(model, out var spec) ? spec : null;
}
