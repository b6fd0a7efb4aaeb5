using System.Diagnostics.Metrics;

namespace Opper.Typed;

/// <summary>
/// The instruments of the <c>Opper.Typed</c> meter; names and units follow the OpenTelemetry conventions and are listed
/// in the README. Each measurement is tagged with the model (<c>opper.model</c>).
/// </summary>
internal sealed class OpperMetrics
{
    public const string ModelTag = "opper.model";

    private static readonly Lazy<OpperMetrics> SharedInstance = new(() => new OpperMetrics(new Meter(OpperTelemetry.MeterName, Version)));

    private readonly Counter<long> _jobsStarted;
    private readonly Counter<long> _jobsCompleted;
    private readonly Counter<long> _jobsFailed;
    private readonly Histogram<double> _generationDuration;
    private readonly Histogram<long> _pollsPerJob;
    private readonly Counter<long> _downloadBytes;
    private readonly Histogram<double> _downloadDuration;
    private readonly Histogram<double> _checkLateness;
    private readonly Counter<double> _estimatedSpend;
    private readonly Counter<long> _budgetRefusals;

    private OpperMetrics(Meter meter)
    {
        _jobsStarted = meter.CreateCounter<long>("opper.video.jobs.started", "{job}", "Jobs submitted: POST /v3/videos answered with a job id.");
        _jobsCompleted = meter.CreateCounter<long>("opper.video.jobs.completed", "{job}", "Jobs seen completed with a download URL.");
        _jobsFailed = meter.CreateCounter<long>("opper.video.jobs.failed", "{job}", "Jobs the provider reported failed.");
        _generationDuration = meter.CreateHistogram<double>(
            "opper.video.generation.duration", "s", "From submission to the poll that saw the job completed or failed (jobs started by this process).");
        _pollsPerJob = meter.CreateHistogram<long>("opper.video.job.polls", "{poll}", "Status polls an operation made until it saw the job completed or failed.");
        _downloadBytes = meter.CreateCounter<long>("opper.video.download.bytes", "By", "Bytes of clips received from the download host.");
        _downloadDuration = meter.CreateHistogram<double>("opper.video.download.duration", "s", "Duration of each whole clip download, to a file or through a stream.");
        _checkLateness = meter.CreateHistogram<double>(
            "opper.video.job.check.lateness", "s", "How long after it was due a durable job's status check started (Opper.Typed.Hangfire's checker).");
        _estimatedSpend = meter.CreateCounter<double>(
            "opper.video.spend.estimated", "{USD}", "Estimated cost of the jobs submitted (and of those whose answer was lost: they may be billed), in US dollars.");
        _budgetRefusals = meter.CreateCounter<long>("opper.video.budget.refusals", "{job}", "Jobs the budget refused before the POST: over the limit, or without a price.");
    }

    /// <summary>The metrics of a client: from its meter factory (DI gives the host's), else the process-wide meter.</summary>
    public static OpperMetrics For(IMeterFactory? factory) =>
        factory is null ? SharedInstance.Value : new OpperMetrics(factory.Create(new MeterOptions(OpperTelemetry.MeterName) { Version = Version }));

    private static string? Version => typeof(OpperMetrics).Assembly.GetName().Version?.ToString();

    public void JobStarted(string model) => _jobsStarted.Add(1, Model(model));

    public void JobEnded(string model, VideoJobState state, TimeSpan? sinceSubmission, int polls)
    {
        var tag = Model(model);
        (state == VideoJobState.Failed ? _jobsFailed : _jobsCompleted).Add(1, tag);
        _pollsPerJob.Record(polls, tag);
        if (sinceSubmission is { } duration)
        {
            _generationDuration.Record(duration.TotalSeconds, tag);
        }
    }

    public void CheckLate(TimeSpan lateness) => _checkLateness.Record(lateness > TimeSpan.Zero ? lateness.TotalSeconds : 0);

    /// <summary>Whether a listener takes the spend metric: without one, an estimate made only for it is not needed.</summary>
    public bool CountsSpend => _estimatedSpend.Enabled;

    public void EstimatedSpend(string model, decimal amount) => _estimatedSpend.Add((double)amount, Model(model));

    public void BudgetRefused(string model) => _budgetRefusals.Add(1, Model(model));

    public void DownloadedBytes(string model, long bytes) => _downloadBytes.Add(bytes, Model(model));

    public void DownloadFinished(string model, TimeSpan duration) => _downloadDuration.Record(duration.TotalSeconds, Model(model));

    private static KeyValuePair<string, object?> Model(string model) => new(ModelTag, model);
}
