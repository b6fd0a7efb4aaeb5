using Hangfire;
using Hangfire.InMemory;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using Opper.Typed.Emulator;
using Opper.Typed.Hangfire.Dashboard;
using Opper.Typed.Hangfire.Storage;
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

        await using var web = await DashboardServer.StartAsync(storage);
        using var browser = Chromium();

        // One state per view: the page opens on Waiting; the Completed tab lists the delivered job with its count.
        browser.Navigate().GoToUrl(new Uri(web.Address, "hangfire/opper-videos"));
        Assert.Contains("Opper videos", browser.FindElement(By.TagName("body")).Text);
        Assert.Equal("Waiting 0", browser.FindElement(By.CssSelector("#opper-states li.active")).Text);
        browser.FindElement(By.Id("opper-tab-Completed")).Click();
        Assert.Equal("Completed 1", browser.FindElement(By.CssSelector("#opper-states li.active")).Text);
        var page = browser.FindElement(By.TagName("body")).Text;
        var balloon = folder.File("balloon.mp4");
        var shortBalloon = $"…/{Path.GetFileName(Path.GetDirectoryName(balloon))}/balloon.mp4";
        Assert.Equal(
            [$"#{done.Key}", done.OpperJobId, "vertexai/veo-3.1-fast-generate-001", shortBalloon, done.Checks.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            browser.FindElements(By.XPath($"//tr[td/a[text()='#{done.Key}']]/td")).Take(5).Select(cell => cell.Text));
        // The table gives its width to what differs per row: the whole path is on hover, a model id is never broken.
        Assert.DoesNotContain(balloon, page);
        var row = browser.FindElement(By.XPath($"//tr[td/a[text()='#{done.Key}']]"));
        Assert.Equal(balloon, TextOnHover(browser, row.FindElement(By.CssSelector("td.opper-destination"))));
        Assert.Equal("nowrap", row.FindElement(By.CssSelector("td.opper-model")).GetCssValue("white-space"));

        // Hangfire's own job page shows the record as a table (state by name, not its number), and each step in the history.
        browser.FindElement(By.LinkText($"#{done.Key}")).Click();
        var details = browser.FindElement(By.TagName("body")).Text;
        Assert.Contains($"Submitted as Opper job {done.OpperJobId}", details);
        Assert.Contains("Opper video vertexai/veo-3.1-fast-generate-001 -> ", details);
        // The wait is one entry of the history, with its Opper job, not a ladder of scheduled retries.
        var wait = browser.FindElement(By.CssSelector("dl.opper-waiting")).Text;
        Assert.Contains(done.OpperJobId!, wait);
        Assert.Contains("Submitted:", wait);
        var record = browser.FindElement(By.CssSelector("table.opper-video-record"));
        var cells = record.FindElements(By.TagName("tr")).ToDictionary(r => r.FindElement(By.TagName("th")).Text, r => r.FindElement(By.TagName("td")));
        Assert.Equal(["State", "Opper job", "Model", "Destination", "Checks", "Enqueued", "Submitted", "Ended", "Bytes", "Error"], cells.Keys);
        Assert.Equal("Completed", cells["State"].Text);
        Assert.Equal(done.OpperJobId, cells["Opper job"].Text);
        Assert.Equal("vertexai/veo-3.1-fast-generate-001", cells["Model"].Text);
        Assert.Equal("nowrap", cells["Model"].GetCssValue("white-space"));
        Assert.Equal(shortBalloon, cells["Destination"].Text);
        Assert.Equal(balloon, TextOnHover(browser, cells["Destination"]));
        // The checks the wait made, written into the record when it ended.
        Assert.True(done.Checks >= 1, $"{done.Checks} checks");
        Assert.Equal(done.Checks.ToString(System.Globalization.CultureInfo.InvariantCulture), cells["Checks"].Text);
        Assert.Equal("", cells["Error"].Text);
    }

    /// <summary>What a job's record holds is written as text, never as markup: a sink's name or an error may hold anything.</summary>
    [Fact]
    public void The_record_table_encodes_every_value()
    {
        var job = new DurableVideoJob("7", new VideoJobRecord
        {
            State = DurableVideoJobState.Failed,
            Model = "<b>m</b>",
            Destination = "/tmp/\"q\"/<x>.mp4",
            Sink = "s&s",
            Error = "<script>alert(1)</script>",
        });

        Assert.Equal("<td class=\"opper-model\" style=\"white-space: nowrap\">&lt;b&gt;m&lt;/b&gt;</td>", DashboardText.ModelCell(job.Model));
        Assert.Equal("<td class=\"opper-destination\" title=\"s&amp;s: /tmp/&quot;q&quot;/&lt;x&gt;.mp4\">s&amp;s: …/&quot;q&quot;/&lt;x&gt;.mp4</td>",
            DashboardText.DestinationCell(job));
    }

    /// <summary>
    /// What the pointer shows over an element: its <c>title</c>, which the dashboard's script turns into a tooltip (and
    /// moves out of the attribute), so it is read as a user sees it.
    /// </summary>
    private static string TextOnHover(ChromeDriver browser, IWebElement element)
    {
        new Actions(browser).MoveToElement(element).Perform();
        return new WebDriverWait(browser, TimeSpan.FromSeconds(10)).Until(b => b.FindElements(By.CssSelector(".tooltip-inner")).FirstOrDefault(t => t.Displayed))!.Text;
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
}
