using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Tests.Support;
using Opper.Typed.Testing;

namespace Opper.Typed.Hangfire.Tests.Dashboard;

/// <summary>The Hangfire dashboard, served on loopback and read in a real headless Chromium (Debian's, through its chromedriver).</summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task The_dashboard_shows_each_jobs_Opper_id_model_state_and_destination()
    {
        await DebianPackages.EnsureAsync("/usr/bin/chromedriver", "chromium", "chromium-driver");
        await using var emulator = await OpperEmulator.StartAsync(new OpperEmulatorOptions { JobDuration = TimeSpan.FromMilliseconds(100) });
        using var folder = new TempFolder();
        var storage = new InMemoryStorage();
        await using var worker = await DurableHost.StartAsync(emulator, storage);
        var done = await worker.EndedAsync(await worker.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a hot air balloon at dawn"), folder.File("balloon.mp4")));
        Assert.Equal(DurableVideoJobState.Completed, done.State);
        var second = await worker.Scheduler.EnqueueAsync(new Veo31FastGenerate001Request("a lighthouse in a storm"), folder.File("lighthouse.mp4"));

        await using var web = await DashboardAsync(storage);
        using var browser = Chromium();

        browser.Navigate().GoToUrl(new Uri(web.Address, "hangfire/opper-videos"));
        var page = browser.FindElement(By.TagName("body")).Text;
        Assert.Contains("Opper videos", page);
        Assert.Contains(done.OpperJobId!, page);
        Assert.Contains("vertexai/veo-3.1-fast-generate-001", page);
        Assert.Contains(folder.File("balloon.mp4"), page);
        Assert.Contains($"#{done.Key} Completed {done.OpperJobId} vertexai/veo-3.1-fast-generate-001 {folder.File("balloon.mp4")}", page);
        Assert.Contains($"#{second} ", page);
        Assert.Contains("vertexai/veo-3.1-fast-generate-001", page);

        // Hangfire's own job page shows the record as a job parameter, and each step in the history.
        browser.FindElement(By.LinkText($"#{done.Key}")).Click();
        var details = browser.FindElement(By.TagName("body")).Text;
        Assert.Contains("Opper.Video", details);
        Assert.Contains(done.OpperJobId!, details);
        Assert.Contains($"Submitted as Opper job {done.OpperJobId}", details);
        Assert.Contains("Opper video vertexai/veo-3.1-fast-generate-001 -> ", details);
    }

    private static ChromeDriver Chromium()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        // Headless as root in a sandboxed machine, with nothing that phones home (the network here is closed).
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={Directory.CreateTempSubdirectory("opper-chromium-").FullName}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static async Task<Served> DashboardAsync(JobStorage storage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(storage);
        builder.Services.AddHangfire(configuration => configuration.UseLogProvider(new SilentLogProvider()));
        builder.Services.AddOpperVideoJobs();
        var app = builder.Build();
        app.UseHangfireDashboard("/hangfire");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Served(app, new Uri(address.TrimEnd('/') + "/"));
    }

    private sealed record Served(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
