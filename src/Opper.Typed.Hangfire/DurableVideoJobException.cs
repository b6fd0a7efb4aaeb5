namespace Opper.Typed.Hangfire;

/// <summary>The base of the exceptions of durable video jobs.</summary>
public abstract class DurableVideoJobException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The job's key; null when it was never stored.</param>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause.</param>
    protected DurableVideoJobException(string? key, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Key = key;
    }

    /// <summary>The job's key; null when it was never stored.</summary>
    public string? Key { get; }
}

/// <summary><c>EnqueueAsync</c> could not write the job to the storage: nothing was stored and nothing was sent to Opper.</summary>
public sealed class DurableVideoJobStorageException : DurableVideoJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The storage's error.</param>
    public DurableVideoJobStorageException(string message, Exception? innerException)
        : base(key: null, message, innerException)
    {
    }
}

/// <summary>
/// How a durable job that ended without its clip shows in Hangfire (the dashboard's Failed list): its message says why and
/// what to do. The job's own state is <see cref="DurableVideoJobState.Failed"/> or <see cref="DurableVideoJobState.NeedsAttention"/>.
/// </summary>
public sealed class DurableVideoJobEndedException : DurableVideoJobException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The job's key.</param>
    /// <param name="state">The state it ended in.</param>
    /// <param name="message">Why, and what to do.</param>
    public DurableVideoJobEndedException(string key, DurableVideoJobState state, string message)
        : base(key, message)
    {
        State = state;
    }

    /// <summary>The state the job ended in.</summary>
    public DurableVideoJobState State { get; }

    /// <summary>The checks of a wait the checker ended, for the record; null when a step ended the job.</summary>
    internal int? Checks { get; init; }
}
