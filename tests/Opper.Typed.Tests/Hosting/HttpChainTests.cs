using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Opper.Typed.Tests.Hosting;

/// <summary>
/// The handler order is stated once (<see cref="HttpChain"/>): a client made without dependency injection and the
/// factory clients <c>AddOpperVideos</c> registers run the same handlers in the same order, the factory's own logging
/// handlers aside.
/// </summary>
public sealed class HttpChainTests
{
    public static TheoryData<string, string[]> Chains => new()
    {
        { OpperVideosServiceCollectionExtensions.ApiHttpClientName, ["ResilienceHandler", "AttemptTimeoutHandler", "SameOriginRedirectHandler", "BearerTokenHandler", "SharedHandler"] },
        { OpperVideosServiceCollectionExtensions.SubmitHttpClientName, ["AttemptTimeoutHandler", "SameOriginRedirectHandler", "BearerTokenHandler", "SharedHandler"] },
        { OpperVideosServiceCollectionExtensions.DownloadHttpClientName, ["ResilienceHandler", "SocketsHttpHandler"] },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public void With_and_without_dependency_injection_a_chain_has_the_same_handlers_in_the_same_order(string name, string[] expected)
    {
        var settings = ClientSettings.Resolve(new OpperVideoClientOptions { ApiKey = "k", BaseAddress = new Uri("https://api.example") }, _ => null);
        using var connections = new ApiConnections(settings);
        var chain = name == OpperVideosServiceCollectionExtensions.ApiHttpClientName ? HttpChain.Api
            : name == OpperVideosServiceCollectionExtensions.SubmitHttpClientName ? HttpChain.Submit : HttpChain.Download;
        using var direct = chain.Build(new ChainContext(settings, connections));

        using var provider = new ServiceCollection().AddLogging().AddOpperVideos(o => (o.ApiKey, o.BaseAddress) = ("k", new Uri("https://api.example"))).BuildServiceProvider();
        using var registered = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(name);

        Assert.Equal(expected, Ours(direct));
        Assert.Equal(expected, Ours(registered));
    }

    /// <summary>The chain's handlers by type, outermost first, without the factory's own (logging, lifetime tracking).</summary>
    private static List<string> Ours(HttpMessageHandler handler)
    {
        var names = new List<string>();
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            if (current.GetType().Assembly == typeof(HttpChain).Assembly || current is ResilienceHandler or SocketsHttpHandler)
            {
                names.Add(current.GetType().Name);
            }
        }

        return names;
    }
}
