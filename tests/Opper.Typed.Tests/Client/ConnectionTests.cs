using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Opper.Typed.Tests.Faults;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Client;

/// <summary>
/// The POST goes through a chain without the retry handler (it is never retried), but over the same connections as the
/// polls: a job's submission and its polls, one after another, use one connection, with and without dependency injection.
/// </summary>
public sealed class ConnectionTests
{
    public static TheoryData<string> Clients => ["new OpperVideoClient", "AddOpperVideos"];

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task A_submission_and_its_polls_share_one_connection(string made)
    {
        await using var server = await FaultServer.StartAsync();
        var connections = new ConcurrentQueue<(string Method, string Connection)>();
        server.Api = context =>
        {
            connections.Enqueue((context.Request.Method, context.Connection.Id));
            return context.Request.Method == "POST" ? FaultScene.Accepted(context) : FaultScene.Running(context);
        };
        var options = EmulatorFixture.FastPolling(new OpperVideoClientOptions { ApiKey = "op-test-key", BaseAddress = server.ApiAddress });
        await using var provider = new ServiceCollection().AddOpperVideos(o => { o.ApiKey = options.ApiKey; o.BaseAddress = options.BaseAddress; }).BuildServiceProvider();
        using var own = made == "AddOpperVideos" ? null : new OpperVideoClient(options);
        var client = own ?? provider.GetRequiredService<OpperVideoClient>();

        var operation = await client.StartGenerationAsync(LiveModel.Request());
        await operation.UpdateStatusAsync();
        await operation.UpdateStatusAsync();
        var second = await client.StartGenerationAsync(LiveModel.Request("a dog"));
        await second.UpdateStatusAsync();

        Assert.Equal(["POST", "GET", "GET", "POST", "GET"], connections.Select(c => c.Method));
        Assert.Single(connections.Select(c => c.Connection).Distinct());
    }
}
