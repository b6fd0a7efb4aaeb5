using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Tests.Support;

namespace Opper.Typed.Tests.Emulator;

/// <summary>File ids in video requests (resolved as Opper resolves them) and the outputs the emulator stores as files.</summary>
public sealed class EmulatorFileIdTests
{
    public static TheoryData<string, string, string> Uses => new()
    {
        // model, field, the uploaded kind: each provider takes a file id, whatever other forms it refuses
        { "vertexai/veo-3.1-generate-001", "image", "png" },
        { "pruna/wan-i2v", "image", "jpeg" },
        { "xai/grok-imagine-video", "image", "webp" },
        { "xai/grok-imagine-video", "reference_images", "png" },
        { "pruna/vace", "video", "mp4" },
        { "alibaba:eu/happyhorse-1.0-i2v", "image", "png" },
    };

    [Theory]
    [MemberData(nameof(Uses))]
    public async Task A_live_file_id_is_accepted_as_media(string model, string field, string kind)
    {
        await using var api = await FilesApi.StartAsync();
        var file = await api.UploadOkAsync(kind switch { "png" => MediaBytes.Png(), "jpeg" => MediaBytes.Jpeg(), "webp" => MediaBytes.WebP(), _ => MediaBytes.Mp4() });
        var id = (string)file["id"]!;
        var request = new JsonObject { ["model"] = model, ["prompt"] = "the cat walks away" };
        request[field] = field == "reference_images" ? new JsonArray(id, id) : id;

        var job = await api.GenerateAsync(request);

        Assert.StartsWith("file_", (string?)job["file_id"]);
    }

    [Fact]
    public async Task An_unknown_deleted_or_expired_file_id_is_refused_naming_the_field_and_the_id()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await FilesApi.StartAsync(o => o.TimeProvider = clock);
        var deleted = (string)(await api.UploadOkAsync(MediaBytes.Png()))["id"]!;
        await api.DeleteAsync($"v3/files/{deleted}");
        var expiring = (string)(await api.UploadOkAsync(MediaBytes.Png(), ttlSeconds: "1"))["id"]!;
        var live = (string)(await api.UploadOkAsync(MediaBytes.Png()))["id"]!;
        clock.Advance(TimeSpan.FromSeconds(2));

        foreach (var (field, missing) in new[] { ("image", "file_000000000000000000000000"), ("image", deleted), ("reference_images[1]", expiring) })
        {
            var request = new JsonObject { ["model"] = "xai/grok-imagine-video", ["prompt"] = "a cat" };
            if (field == "image")
            {
                request["image"] = missing;
            }
            else
            {
                request["reference_images"] = new JsonArray(live, missing);
            }

            var (status, body) = await api.SubmitAsync(request);

            Assert.Equal((HttpStatusCode.BadRequest, "file_not_found"), (status, FilesApi.ErrorCode(body)));
            Assert.Contains($"'{field}'", (string?)body["error"]!["message"]);
            Assert.Contains(missing, (string?)body["error"]!["message"]);
            Assert.Equal((field, missing), ((string?)body["error"]!["details"]!["field"], (string?)body["error"]!["details"]!["file_id"]));
        }
    }

    [Fact]
    public async Task A_file_whose_type_does_not_fit_the_field_is_refused()
    {
        await using var api = await FilesApi.StartAsync();
        var video = (string)(await api.UploadOkAsync(MediaBytes.Mp4()))["id"]!;
        var image = (string)(await api.UploadOkAsync(MediaBytes.Png()))["id"]!;

        var (asImage, imageBody) = await api.SubmitAsync(new JsonObject { ["model"] = "pruna/wan-i2v", ["prompt"] = "a cat", ["image"] = video });
        var (asVideo, videoBody) = await api.SubmitAsync(new JsonObject { ["model"] = "pruna/vace", ["prompt"] = "a cat", ["video"] = image });

        Assert.Equal((HttpStatusCode.BadRequest, "invalid_media"), (asImage, FilesApi.ErrorCode(imageBody)));
        Assert.Equal($"'image' takes an image, but file '{video}' is video/mp4.", (string?)imageBody["error"]!["message"]);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_media"), (asVideo, FilesApi.ErrorCode(videoBody)));
        Assert.Contains("takes a video", (string?)videoBody["error"]!["message"]);
    }

    [Fact]
    public async Task A_completed_jobs_output_is_a_listed_file_whose_content_is_the_clip()
    {
        await using var api = await FilesApi.StartAsync();

        var job = await api.GenerateAsync(new JsonObject { ["model"] = LiveModel.Id, ["prompt"] = "a cat", ["parameters"] = new JsonObject { ["durationSeconds"] = 8 } });

        var fileId = (string)job["file_id"]!;
        using var clip = await api.Anonymous.GetAsync((string)job["url"]!);
        var clipBytes = await clip.Content.ReadAsByteArrayAsync();
        var (_, list) = await api.GetAsync("v3/files");
        var file = Assert.Single(list["data"]!.AsArray())!;
        Assert.Equal(fileId, (string?)file["id"]);
        Assert.Equal(("video_output", "video/mp4", $"{job["id"]}.mp4", (long)clipBytes.Length),
            ((string?)file["purpose"], (string?)file["mime_type"], (string?)file["filename"], (long)file["bytes"]!));
        using var stored = await api.Anonymous.GetAsync(await api.ContentUrlAsync(fileId));
        Assert.Equal(clipBytes, await stored.Content.ReadAsByteArrayAsync());

        // The output is a file like any other: it feeds the next request.
        var edit = await api.GenerateAsync(new JsonObject { ["model"] = "pruna/vace", ["prompt"] = "make it rain", ["video"] = fileId });
        Assert.NotEqual(fileId, (string?)edit["file_id"]);
    }

    [Fact]
    public async Task Store_false_keeps_no_file_and_store_must_be_a_boolean()
    {
        await using var api = await FilesApi.StartAsync();

        var job = await api.GenerateAsync(new JsonObject { ["model"] = LiveModel.Id, ["prompt"] = "a cat", ["store"] = false });
        var (status, body) = await api.SubmitAsync(new JsonObject { ["model"] = LiveModel.Id, ["prompt"] = "a cat", ["store"] = "no" });

        Assert.Null(job["file_id"]);
        Assert.NotNull(job["url"]);
        Assert.Equal(0, (int)(await api.GetAsync("v3/files")).Body["meta"]!["total"]!);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (status, FilesApi.ErrorCode(body)));
    }

    [Fact]
    public async Task A_stored_output_appears_when_its_job_completes_and_counts_against_the_quota()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await FilesApi.StartAsync(o => (o.TimeProvider, o.JobDuration, o.Files.MaxFiles) = (clock, TimeSpan.FromMinutes(1), 1));
        var (_, accepted) = await api.SubmitAsync(new JsonObject { ["model"] = LiveModel.Id, ["prompt"] = "a cat" });

        Assert.Equal(0, (int)(await api.GetAsync("v3/files")).Body["meta"]!["total"]!);
        await api.UploadOkAsync(MediaBytes.Png());

        clock.Advance(TimeSpan.FromMinutes(1));
        var (_, job) = await api.GetAsync($"v3/artifacts/{accepted["id"]}/status");
        var (_, list) = await api.GetAsync("v3/files");
        var (status, refused) = await api.UploadAsync(MediaBytes.Png());

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal(2, (int)list["meta"]!["total"]!); // the output is kept even past the quota: a finished clip is not lost
        Assert.Equal((string?)job["file_id"], (string?)list["data"]![0]!["id"]);
        Assert.Equal((HttpStatusCode.Forbidden, 2), (status, (int)refused["error"]!["details"]!["files"]!));
    }

    [Fact]
    public async Task A_failed_job_stores_no_output()
    {
        await using var api = await FilesApi.StartAsync(o => o.FailJobs = true);

        var (_, accepted) = await api.SubmitAsync(new JsonObject { ["model"] = LiveModel.Id, ["prompt"] = "a cat" });
        var (_, job) = await api.GetAsync($"v3/artifacts/{accepted["id"]}/status");

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Null(job["file_id"]);
        Assert.Equal(0, (int)(await api.GetAsync("v3/files")).Body["meta"]!["total"]!);
    }
}
