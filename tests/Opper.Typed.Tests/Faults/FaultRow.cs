using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Tests.Faults;

/// <summary>
/// One row of the fault matrix: how the API and the download host misbehave, and what the client must make of it.
/// Every script defaults to the happy path, so a row names only its fault.
/// </summary>
/// <param name="Name">The row as docs/reliability.md lists it.</param>
/// <param name="Throws">The exception the generation ends with, or null when it must succeed with the whole clip.</param>
/// <param name="JobIdInError">Whether that exception carries the job id (false only when the 202 never arrived).</param>
internal sealed record FaultRow(string Name, Type? Throws, bool JobIdInError = true)
{
    public Func<FaultScene, HttpContext, int, Task> Post { get; init; } = (_, context, _) => FaultScene.Accepted(context);

    public Func<FaultScene, HttpContext, int, Task> Poll { get; init; } = (scene, context, _) => scene.Completed(context);

    public Func<FaultScene, HttpContext, int, Task> Download { get; init; } = (_, context, _) => FaultScene.WholeClip(context);

    /// <summary>Client settings the row needs (a short stall timeout, fewer retries).</summary>
    public Action<OpperVideoClientOptions> Configure { get; init; } = _ => { };

    /// <summary>A further check of the row's own, given the exception (null on success) and the server.</summary>
    public Action<Exception?, FaultServer> Also { get; init; } = (_, _) => { };

    public override string ToString() => Name;
}
