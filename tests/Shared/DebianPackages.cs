namespace Opper.Typed.Testing;

/// <summary>Installs the real parts the tests and benchmarks run (Debian's PostgreSQL and Chromium) when the machine lacks them, once per process.</summary>
internal static class DebianPackages
{
    private static readonly SemaphoreSlim Apt = new(1, 1);

    /// <param name="program">A file the packages provide, e.g. <c>/usr/bin/chromedriver</c>.</param>
    /// <param name="packages">What to install when it is missing.</param>
    public static async Task EnsureAsync(string program, params string[] packages)
    {
        if (File.Exists(program))
        {
            return;
        }

        await Apt.WaitAsync();
        try
        {
            if (File.Exists(program))
            {
                return;
            }

            var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            var update = await ChildProcess.RunAsync("apt-get", ["update", "-qq"], null, environment, TimeSpan.FromMinutes(5));
            var install = await ChildProcess.RunAsync("apt-get", ["install", "-y", "-qq", .. packages], null, environment, TimeSpan.FromMinutes(10));
            if (!File.Exists(program))
            {
                throw new InvalidOperationException(
                    $"{program} is missing and installing {string.Join(' ', packages)} failed (apt-get needs root and Debian's mirror): {update.Output}{install.Output}");
            }
        }
        finally
        {
            Apt.Release();
        }
    }
}
