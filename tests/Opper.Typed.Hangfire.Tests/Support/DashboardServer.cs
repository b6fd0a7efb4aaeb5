using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>Hangfire's dashboard, with the Opper pages, served on a loopback port over <paramref name="App"/>'s storage.</summary>
internal sealed record DashboardServer(WebApplication App, Uri Address) : IAsyncDisposable
{
    public static async Task<DashboardServer> StartAsync(JobStorage storage)
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
        return new DashboardServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
