using System.IO.Compression;
using Opper.Typed.Testing;

namespace Opper.Typed.Package.Tests;

/// <summary>Opper.Typed.Hangfire as a user gets it: packed, added beside Opper.Typed and Hangfire's own packages, built and run.</summary>
[Collection(PackedPackages.Name)]
public sealed class DurableJobsPackageTests(PackedFeed packed)
{
    private readonly LocalFeed _feed = packed.Feed;

    [Fact]
    public void A_user_project_enqueues_a_durable_job_and_a_Hangfire_server_in_it_delivers_the_clip()
    {
        // The steps share the client's internals, so the package must run with exactly the Opper.Typed it was built with.
        using (var package = ZipFile.OpenRead(Path.Combine(_feed.Folder, $"Opper.Typed.Hangfire.{_feed.Version}.nupkg")))
        using (var reader = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()))
        {
            var nuspec = reader.ReadToEnd();
            Assert.Contains($"<dependency id=\"Opper.Typed\" version=\"[{_feed.Version}]\"", nuspec);
            Assert.Contains("<dependency id=\"Hangfire.Core\" version=\"1.8.25\"", nuspec);
        }

        var consumer = _feed.CreateConsumer("DurableConsumer", ["Opper.Typed", "Opper.Typed.Emulator", "Opper.Typed.Hangfire"], new Dictionary<string, string> { ["Program.cs"] = Program });
        var project = Path.Combine(consumer, "DurableConsumer.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</ItemGroup>", """
                <PackageReference Include="Hangfire.NetCore" Version="1.8.25" />
                <PackageReference Include="Hangfire.InMemory" Version="1.0.0" />
                <PackageReference Include="Microsoft.Extensions.Hosting" Version="10.0.15" />
              </ItemGroup>
            """, StringComparison.Ordinal));

        LocalFeed.Progress("building the durable-jobs consumer");
        LocalFeed.Run(consumer, "build", "-nologo");
        var run = LocalFeed.Run(consumer, "run", "--no-build");

        Assert.Contains("durable job Completed gen_", run);
        Assert.True(new FileInfo(Path.Combine(consumer, "clip.mp4")).Length > 1000);
    }

    private const string Program = """
        using Hangfire;
        using Hangfire.InMemory;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Opper.Typed;
        using Opper.Typed.Emulator;
        using Opper.Typed.Hangfire;

        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(200) });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddOpperVideos(o =>
        {
            (o.BaseAddress, o.ApiKey) = (emulator.BaseAddress, emulator.ApiKey);
            (o.Polling.FirstPollDelay, o.Polling.Interval) = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        });
        builder.Services.AddHangfire(c => c.UseInMemoryStorage());
        builder.Services.AddHangfireServer(o => o.SchedulePollingInterval = TimeSpan.FromMilliseconds(100));
        builder.Services.AddOpperVideoJobs();
        using var host = builder.Build();
        await host.StartAsync();

        var scheduler = host.Services.GetRequiredService<IVideoJobScheduler>();
        var key = await scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a cat") { DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4 }, "clip.mp4");
        DurableVideoJob job;
        do
        {
            await Task.Delay(100);
            job = (await scheduler.GetJobAsync(key))!;
        }
        while (job.State is not (DurableVideoJobState.Completed or DurableVideoJobState.Failed or DurableVideoJobState.NeedsAttention));
        Console.WriteLine($"durable job {job.State} {job.OpperJobId} {job.Error}");
        await host.StopAsync();
        """;
}
