namespace Opper.Typed;

/// <summary>The state of a video job, derived from the status string.</summary>
public enum VideoJobState
{
    /// <summary>Still running. Any status string other than <c>completed</c> or <c>failed</c> counts as running.</summary>
    Processing,

    /// <summary>Finished; <see cref="VideoStatus.Url"/> points at the clip.</summary>
    Completed,

    /// <summary>The provider gave up; <see cref="VideoStatus.Error"/> says why.</summary>
    Failed,
}
