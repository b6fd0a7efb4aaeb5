using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// A loopback server whose jobs take the time a function draws for each request (by model and parameters), and which
/// notes, per job, when it ends, the first answer that said so, and how many polls it got: notice latency measured
/// where the completion happens, not by the client.
/// </summary>
internal sealed class TimedJobServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TimedJob> _jobs = new();

    private TimedJobServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyCollection<TimedJob> Jobs => (IReadOnlyCollection<TimedJob>)_jobs.Values;

    /// <param name="duration">How long a job of this request takes, and the shape it is counted under.</param>
    public static async Task<TimedJobServer> StartAsync(Func<JsonObject, (TimeSpan Duration, string Shape)> duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new TimedJobServer(builder.Build());
        var clock = Stopwatch.StartNew();
        var ids = 0;
        server._app.MapPost("/v3/videos", async context =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
            var id = $"gen_{Interlocked.Increment(ref ids):D6}";
            var (length, shape) = duration(body);
            server._jobs[id] = new TimedJob(id, (string)body["model"]!, shape, clock.Elapsed + length);
            await Answer(context, 202, $$"""{"id":"{{id}}","status_url":"/v3/artifacts/{{id}}/status"}""");
        });
        server._app.MapGet("/v3/artifacts/{id}/status", (HttpContext context, string id) =>
        {
            var job = server._jobs[id];
            var now = clock.Elapsed;
            Interlocked.Increment(ref job.Polls);
            if (now < job.EndsAt)
            {
                return Answer(context, 200, $$"""{"id":"{{id}}","status":"processing","model":"{{job.Model}}"}""");
            }

            lock (job)
            {
                job.NoticedAt ??= now;
            }

            return Answer(context, 200, $$"""{"id":"{{id}}","status":"completed","model":"{{job.Model}}","url":"http://{{context.Request.Host}}/files/{{id}}.mp4"}""");
        });
        await server._app.StartAsync();
        server.Address = new Uri(server._app.Urls.First() + "/");
        return server;
    }

    public void Forget() => _jobs.Clear();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task Answer(HttpContext context, int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}

/// <summary>One job: when it ends by the server's clock, when an answer first said so, and the polls it got.</summary>
internal sealed class TimedJob(string id, string model, string shape, TimeSpan endsAt)
{
    public int Polls;

    public string Id { get; } = id;

    public string Model { get; } = model;

    public string Shape { get; } = shape;

    public TimeSpan EndsAt { get; } = endsAt;

    public TimeSpan? NoticedAt { get; set; }
}
