namespace Opper.Typed;

/// <summary>The base of every exception Opper.Typed throws for a problem with the API, a request or a job.</summary>
public abstract class OpperException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected OpperException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
