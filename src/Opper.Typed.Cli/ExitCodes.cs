namespace Opper.Typed.Cli;

/// <summary>The exit codes <c>opper-typed</c> documents (README, "The opper-typed CLI"), so scripts can tell failures apart.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything else: the network, the API, the disk.</summary>
    public const int Error = 1;

    /// <summary>The command line itself: an unknown option, a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The inputs: a request the model would refuse, a missing file, an unusable output path. Nothing was sent.</summary>
    public const int Validation = 3;

    /// <summary>The job ran and the provider reported failure.</summary>
    public const int JobFailed = 4;

    /// <summary>Ctrl+C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
