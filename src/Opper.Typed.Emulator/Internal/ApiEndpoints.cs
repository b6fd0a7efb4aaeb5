using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Opper.Typed.Emulator.Internal;

/// <summary>The v3 video endpoints and the Files API (<see cref="FileEndpoints"/>), behind bearer auth and the configured faults.</summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        app.Use(RequestRecorder.For(state, EmulatorHost.Api));
        app.Use((context, next) => GuardAsync(context, next, state));
        app.MapPost("/v3/videos", (Func<HttpContext, Task<IResult>>)(context => SubmitAsync(context, state)));
        app.MapGet("/v3/artifacts/{id}/status", (string id) => Status(id, state));
        app.MapGet("/v3/videos/models", (string? q, string? capability, int? limit, int? offset) =>
            EmulatorState.Json(state.Catalog.Page(q, capability, Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 100, 1, 100))));
        FileEndpoints.Map(app, state);
    }

    private static async Task GuardAsync(HttpContext context, RequestDelegate next, EmulatorState state)
    {
        var faults = state.Options.Faults;
        var requestNumber = state.NextApiRequest();
        if (faults.ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(faults.ResponseDelay, context.RequestAborted);
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..].Trim() : "";
        if (token.Length == 0 || (state.Options.ApiKey is { } expected && token != expected))
        {
            await EmulatorState.Error(401, "unauthorized", "Missing or invalid API key: send Authorization: Bearer <key>.").ExecuteAsync(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) && state.NextApiGet() <= faults.RateLimitFirstGets)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(faults.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await EmulatorState.Error(429, "rate_limited", "Too many requests (emulated).").ExecuteAsync(context);
            return;
        }

        if (faults.ServerErrorOnRequest == requestNumber)
        {
            await EmulatorState.Error(faults.ServerErrorStatus, "internal_error", $"Injected server error on request {requestNumber} (emulated).").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, EmulatorState state)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            return EmulatorState.Error(400, "invalid_request", $"The body is not valid JSON: {exception.Message}");
        }

        var now = state.Now;
        if ((SubmissionValidator.Validate(body, state.Catalog, out var model) ?? FileReferences.Check((JsonObject)body!, state.Files, now)) is { } rejection)
        {
            return EmulatorState.Error(rejection.Status, rejection.Code, rejection.Message, rejection.Details);
        }

        var id = "gen_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var request = (JsonObject)body!;
        var parameters = request["parameters"] as JsonObject;
        // The output is saved to Files unless the request opts out; a job that fails has no output to save.
        var stored = request["store"]?.GetValueKind() != JsonValueKind.False && !state.Options.FailJobs;
        state.Add(new EmulatedJob(id, model!.Id, model.Provider, now, now + state.Options.JobDuration, state.Options.FailJobs,
            ClipLibrary.ChooseSize(parameters), ClipLibrary.ChooseSeconds(parameters, model), stored ? FileStore.NewId() : null));
        if (state.Options.Faults.SubmitAnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(state.Options.Faults.SubmitAnswerDelay, context.RequestAborted);
        }

        var statusUrl = new Uri(new Uri($"{context.Request.Scheme}://{context.Request.Host}/"), $"v3/artifacts/{id}/status");
        return EmulatorState.Json(new JsonObject { ["id"] = id, ["status_url"] = statusUrl.ToString() }, 202);
    }

    private static IResult Status(string id, EmulatorState state)
    {
        if (!state.Jobs.TryGetValue(id, out var job))
        {
            return EmulatorState.Error(404, "not_found", $"No video job '{id}'.");
        }

        var now = state.Now;
        var status = job.StateAt(now);
        var body = new JsonObject { ["id"] = job.Id, ["status"] = status, ["provider"] = job.Provider, ["model"] = job.Model };
        if (status == "failed")
        {
            body["error"] = state.Options.JobFailureError;
        }
        else if (status == "completed")
        {
            var expired = state.Options.Faults.FirstUrlExpired && state.NextUrl() == 1;
            body["mime_type"] = "video/mp4";
            body["url"] = state.Signer.Sign(state.DownloadBase, DownloadEndpoints.ClipPath(job.Id), expired ? now.AddMinutes(-1) : now + state.Options.UrlLifetime);
            if (job.OutputFileId is { } fileId)
            {
                body["file_id"] = fileId;
            }
        }

        return EmulatorState.Json(body);
    }
}
