using System.Text.Json.Serialization;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// What a durable job knows of itself, stored as one JSON job parameter (<see cref="VideoJobStore.RecordParameter"/>), so
/// each change is a single write even on storages whose transactions are not atomic. The facts decide what a rerun does:
/// an <see cref="OpperJobId"/> means resume by id; a <see cref="SubmittingSince"/> mark without one means a POST may have
/// created a job, so it is not sent again.
/// </summary>
internal sealed class VideoJobRecord
{
    [JsonPropertyName("state")]
    public DurableVideoJobState State { get; set; }

    [JsonPropertyName("opperJobId")]
    public string? OpperJobId { get; set; }

    [JsonPropertyName("model")]
    public string Model { get; set; } = "";

    /// <summary>The first 12 hex digits of the prompt's SHA-256: enough to match a job on the Opper dashboard, without storing the prompt twice.</summary>
    [JsonPropertyName("promptDigest")]
    public string PromptDigest { get; set; } = "";

    [JsonPropertyName("destination")]
    public string Destination { get; set; } = "";

    [JsonPropertyName("sink")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sink { get; set; }

    /// <summary>The Hangfire queue the job runs on, so a job the state filter ends has its completion handlers run there too.</summary>
    [JsonPropertyName("queue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Queue { get; set; }

    [JsonPropertyName("enqueuedAt")]
    public DateTimeOffset EnqueuedAt { get; set; }

    /// <summary>The mark: set, in the storage, before the POST leaves; kept afterwards as the record of when it was sent.</summary>
    [JsonPropertyName("submittingSince")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SubmittingSince { get; set; }

    /// <summary>
    /// The Processing change that set the mark (its server, worker and start): a retry of that same change, after its
    /// first commit failed, sets it again rather than taking it for another run's POST.
    /// </summary>
    [JsonPropertyName("submittingBy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubmittingBy { get; set; }

    [JsonPropertyName("submitAttempts")]
    public int SubmitAttempts { get; set; }

    /// <summary>A person approved sending the POST again although an earlier one may have created a job.</summary>
    [JsonPropertyName("resubmitApproved")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ResubmitApproved { get; set; }

    [JsonPropertyName("submittedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>The <c>status_url</c> of the POST's answer: where the job is checked (on the API's origin only).</summary>
    [JsonPropertyName("statusUrl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StatusUrl { get; set; }

    /// <summary>The request's cost as the enqueuing process estimated it (USD): a worker whose catalog lacks the model prices it by this.</summary>
    [JsonPropertyName("estimatedCost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? EstimatedCost { get; set; }

    [JsonPropertyName("costBasis")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CostBasis { get; set; }

    /// <summary>The storage entry of the job's idempotency key (<c>IdempotencyKeys</c>), when it was enqueued with one: it expires with the job.</summary>
    [JsonPropertyName("idempotencyEntry")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdempotencyEntry { get; set; }

    /// <summary>The budget had no room for the POST: the job waits, queued, until then (<c>OpperBudgetExceededException.RoomAt</c>).</summary>
    [JsonPropertyName("waitingForBudgetUntil")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? WaitingForBudgetUntil { get; set; }

    [JsonPropertyName("checks")]
    public int Checks { get; set; }

    /// <summary>What decides how long the job renders (<c>JobShape</c>): the checks are scheduled by what jobs like it took.</summary>
    [JsonPropertyName("shape")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Shape { get; set; }

    /// <summary>When a check last saw the job still running; with the check that sees it done, what the next jobs like it learn from.</summary>
    [JsonPropertyName("lastSeenRunningAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastSeenRunningAt { get; set; }

    /// <summary>When a checker started delivering the clip: another checker or a step leaves a delivery this fresh alone.</summary>
    [JsonPropertyName("deliveringSince")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? DeliveringSince { get; set; }

    /// <summary>Which checker (an id per process) started that delivery: its own retry is not someone else's.</summary>
    [JsonPropertyName("deliveringBy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeliveringBy { get; set; }

    /// <summary>
    /// Whether another checker started delivering the clip so recently (15 s) that it surely still runs: the moment two
    /// checkers saw the job done together. A delivery that runs longer holds its claim, so no other checker gets here.
    /// </summary>
    public bool IsBeingDelivered(DateTimeOffset now, string? by = null) =>
        State == DurableVideoJobState.Downloading && DeliveringSince is { } since && now - since < TimeSpan.FromSeconds(15) && DeliveringBy != by;

    [JsonPropertyName("endedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndedAt { get; set; }

    [JsonPropertyName("bytes")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Bytes { get; set; }

    /// <summary>Steps that failed in a row (network, disk, storage); reset by one that succeeds.</summary>
    [JsonPropertyName("failures")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Failures { get; set; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; set; }

    /// <summary>The completion handlers ran for the state the job ended in.</summary>
    [JsonPropertyName("notified")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Notified { get; set; }

    [JsonIgnore]
    public bool HasEnded => State is DurableVideoJobState.Completed or DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention or DurableVideoJobState.Canceled;

    /// <summary>
    /// Sets an ended job moving again, as a requeue (the dashboard's, or a resume's) asks: checked again by its Opper job
    /// id when it has one, never a second POST; sent when it has none (a mark without an id stops it again, unless a person
    /// approved a resubmit).
    /// </summary>
    public void Reopen(DateTimeOffset now)
    {
        if (OpperJobId is not null)
        {
            // A fresh timeout window: the person resuming it decided it is worth waiting for again. A resumed job may have
            // finished long ago: its time since this new start teaches nothing.
            State = DurableVideoJobState.Waiting;
            SubmittedAt = now;
            Shape = null;
            LastSeenRunningAt = null;
            Checks = 0;
        }
        else
        {
            State = DurableVideoJobState.Queued;
            SubmitAttempts = 0;
        }

        EndedAt = null;
        Error = null;
        Failures = 0;
        Notified = false;
    }

    public VideoJobRecord Copy() => (VideoJobRecord)MemberwiseClone();
}
