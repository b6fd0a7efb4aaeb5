using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Opper.Typed.Emulator;

namespace Opper.Typed.Tests.Emulator;

/// <summary>The emulator's Files API on the wire: upload, type from the bytes, lifetime, limits, paging, content URLs, delete.</summary>
public sealed class EmulatorFilesTests
{
    [Fact]
    public async Task An_upload_is_stored_byte_for_byte_and_served_from_the_download_host_without_auth()
    {
        await using var api = await FilesApi.StartAsync();
        var bytes = MediaBytes.Png(300_000);

        var (status, file) = await api.UploadAsync(bytes, partFileName: "cat.png");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(new Regex("^file_[0-9a-f]{24}$"), (string?)file["id"]);
        Assert.Equal("file", (string?)file["object"]);
        Assert.Equal(bytes.Length, (long)file["bytes"]!);
        Assert.Equal("cat.png", (string?)file["filename"]);
        Assert.Equal("image/png", (string?)file["mime_type"]);
        Assert.Equal("reference_media", (string?)file["purpose"]);
        Assert.Equal("processed", (string?)file["status"]);
        Assert.InRange((long)file["created_at"]!, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal((long)file["created_at"]! + (long)TimeSpan.FromDays(7).TotalSeconds, (long)file["expires_at"]!);

        var (_, content) = await api.GetAsync($"v3/files/{file["id"]}/content");
        Assert.Equal(bytes.Length, (long)content["bytes"]!);
        Assert.Equal("image/png", (string?)content["mime_type"]);
        var url = new Uri((string)content["url"]!);
        Assert.Equal(api.Emulator.DownloadBaseAddress.Authority, url.Authority);

        using var download = await api.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes.Length, download.Content.Headers.ContentLength);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        using var tail = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(1000, null) } };
        using var partial = await api.Anonymous.SendAsync(tail);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[1000..], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_filename_field_names_the_file_and_an_upload_past_the_servers_30_MB_default_is_streamed_through()
    {
        await using var api = await FilesApi.StartAsync();
        var bytes = MediaBytes.Mp4(40 * 1024 * 1024);

        var (status, file) = await api.UploadAsync(bytes, partFileName: "ignored.mp4", filename: "holiday.mp4");

        Assert.True(status == HttpStatusCode.OK, file.ToJsonString());
        Assert.Equal("holiday.mp4", (string?)file["filename"]);
        using var download = await api.Anonymous.GetAsync(await api.ContentUrlAsync((string)file["id"]!));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string, string, string> Lies => new()
    {
        // bytes, the name and part type the client claims, the type the emulator must report
        { "png", "clip.mp4", "image/png" },
        { "jpeg", "photo.png", "image/jpeg" },
        { "gif", "a.jpg", "image/gif" },
        { "webp", "a.gif", "image/webp" },
        { "mp4", "a.png", "video/mp4" },
        { "mov", "a.mp4", "video/quicktime" },
        { "webm", "a.mov", "video/webm" },
    };

    [Theory]
    [MemberData(nameof(Lies))]
    public async Task The_type_comes_from_the_bytes_not_the_name_or_the_parts_content_type(string kind, string claimedName, string expected)
    {
        await using var api = await FilesApi.StartAsync();
        var bytes = kind switch
        {
            "png" => MediaBytes.Png(), "jpeg" => MediaBytes.Jpeg(), "gif" => MediaBytes.Gif(), "webp" => MediaBytes.WebP(),
            "mp4" => MediaBytes.Mp4(), "mov" => MediaBytes.Mov(), _ => MediaBytes.WebM(),
        };

        var (status, file) = await api.UploadAsync(bytes, partFileName: claimedName, partType: "text/plain");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, (string?)file["mime_type"]);
    }

    [Fact]
    public async Task Bytes_of_no_accepted_type_an_unknown_purpose_a_missing_file_and_a_bad_ttl_are_refused_and_nothing_is_kept()
    {
        await using var api = await FilesApi.StartAsync();

        var (textStatus, text) = await api.UploadAsync(MediaBytes.Text(), partFileName: "cat.png", partType: "image/png");
        var (purposeStatus, purpose) = await api.UploadAsync(MediaBytes.Png(), purpose: "fine_tune");
        var (ttlStatus, ttl) = await api.UploadAsync(MediaBytes.Png(), ttlSeconds: "soon");
        var (zeroStatus, _) = await api.UploadAsync(MediaBytes.Png(), ttlSeconds: "0");
        using var noFile = await api.Api.PostAsync("v3/files", new MultipartFormDataContent { { new StringContent("reference_media"), "purpose" } });

        Assert.Equal((HttpStatusCode.BadRequest, "unsupported_file_type"), (textStatus, FilesApi.ErrorCode(text)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (purposeStatus, FilesApi.ErrorCode(purpose)));
        Assert.Contains("fine_tune", (string?)purpose["error"]!["message"]);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (ttlStatus, FilesApi.ErrorCode(ttl)));
        Assert.Equal(HttpStatusCode.BadRequest, zeroStatus);
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        var (_, list) = await api.GetAsync("v3/files");
        Assert.Equal(0, (int)list["meta"]!["total"]!);
    }

    [Fact]
    public async Task Ttl_seconds_shortens_the_lifetime_a_longer_one_is_capped_and_an_expired_file_is_gone()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await FilesApi.StartAsync(o => (o.TimeProvider, o.Files.DefaultTimeToLive) = (clock, TimeSpan.FromHours(1)));

        var brief = await api.UploadOkAsync(MediaBytes.Png(), ttlSeconds: "60");
        var greedy = await api.UploadOkAsync(MediaBytes.Png(), ttlSeconds: "86400");

        Assert.Equal((long)brief["created_at"]! + 60, (long)brief["expires_at"]!);
        Assert.Equal((long)greedy["created_at"]! + 3600, (long)greedy["expires_at"]!);
        var url = await api.ContentUrlAsync((string)brief["id"]!);

        clock.Advance(TimeSpan.FromSeconds(61));
        var (_, list) = await api.GetAsync("v3/files");
        Assert.Equal([(string?)greedy["id"]], list["data"]!.AsArray().Select(f => (string?)f!["id"]));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"v3/files/{brief["id"]}/content")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"v3/files/{brief["id"]}")).Status);
        using var download = await api.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_and_the_limit()
    {
        await using var api = await FilesApi.StartAsync(o => o.Files.MaxFileBytes = 1000);

        var (fits, _) = await api.UploadAsync(MediaBytes.Png(1000));
        var (status, body) = await api.UploadAsync(MediaBytes.Png(200_000));

        Assert.Equal(HttpStatusCode.OK, fits);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("file_too_large", FilesApi.ErrorCode(body));
        Assert.Equal(1000, (long)body["error"]!["details"]!["max_bytes"]!);
        Assert.Equal(1, (int)(await api.GetAsync("v3/files")).Body["meta"]!["total"]!);
    }

    [Fact]
    public async Task The_byte_quota_refuses_with_403_and_the_usage_until_a_file_is_deleted()
    {
        await using var api = await FilesApi.StartAsync(o => o.Files.QuotaBytes = 2500);
        var first = await api.UploadOkAsync(MediaBytes.Png(1000));
        await api.UploadOkAsync(MediaBytes.Png(1001));

        var (status, body) = await api.UploadAsync(MediaBytes.Png(1002));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("storage_quota_exceeded", FilesApi.ErrorCode(body));
        var details = body["error"]!["details"]!;
        Assert.Equal((2500L, 2001L, 1000, 2), ((long)details["quota_bytes"]!, (long)details["used_bytes"]!, (int)details["max_files"]!, (int)details["files"]!));

        await api.DeleteAsync($"v3/files/{first["id"]}");
        await api.UploadOkAsync(MediaBytes.Png(1002));
    }

    [Fact]
    public async Task The_file_count_quota_refuses_the_file_past_it()
    {
        await using var api = await FilesApi.StartAsync(o => o.Files.MaxFiles = 2);
        await api.UploadOkAsync(MediaBytes.Png());
        await api.UploadOkAsync(MediaBytes.Jpeg());

        var (status, body) = await api.UploadAsync(MediaBytes.Gif());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("quota", FilesApi.ErrorCode(body));
        Assert.Equal(2, (int)body["error"]!["details"]!["files"]!);
    }

    [Fact]
    public async Task The_list_pages_newest_first_past_one_page_and_refuses_a_limit_or_offset_out_of_range()
    {
        await using var api = await FilesApi.StartAsync();
        var uploaded = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            uploaded.Add((string)(await api.UploadOkAsync(MediaBytes.Png(100 + i)))["id"]!);
        }

        var pages = new List<JsonNode>();
        for (var offset = 0; offset < 30; offset += 10)
        {
            pages.Add((await api.GetAsync($"v3/files?limit=10&offset={offset}")).Body);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p["data"]!.AsArray().Count));
        Assert.All(pages, p => Assert.Equal(25, (int)p["meta"]!["total"]!));
        Assert.Equal([0, 10, 20], pages.Select(p => (int)p["meta"]!["offset"]!));
        Assert.Equal(Enumerable.Reverse(uploaded), pages.SelectMany(p => p["data"]!.AsArray()).Select(f => (string)f!["id"]!));
        var (_, defaults) = await api.GetAsync("v3/files");
        Assert.Equal((20, 20), (defaults["data"]!.AsArray().Count, (int)defaults["meta"]!["limit"]!));
        foreach (var query in new[] { "limit=0", "limit=101", "limit=ten", "offset=-1" })
        {
            var (status, body) = await api.GetAsync($"v3/files?{query}");
            Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (status, FilesApi.ErrorCode(body)));
        }
    }

    [Fact]
    public async Task A_content_url_is_refused_once_expired_when_tampered_with_and_when_sent_with_auth()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await FilesApi.StartAsync(o => o.TimeProvider = clock);
        var file = await api.UploadOkAsync(MediaBytes.Png());
        var url = await api.ContentUrlAsync((string)file["id"]!);

        using var tampered = await api.Anonymous.GetAsync(url.Replace("signature=", "signature=0", StringComparison.Ordinal));
        using var withAuth = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", api.Emulator.ApiKey) } };
        using var authorized = await api.Anonymous.SendAsync(withAuth);
        clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await api.Anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, authorized.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var fresh = await api.Anonymous.GetAsync(await api.ContentUrlAsync((string)file["id"]!));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task A_deleted_file_is_gone_from_the_list_its_content_and_its_url()
    {
        await using var api = await FilesApi.StartAsync();
        var file = await api.UploadOkAsync(MediaBytes.Png());
        var id = (string)file["id"]!;
        var url = await api.ContentUrlAsync(id);

        var (status, deleted) = await api.DeleteAsync($"v3/files/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["id"] = id, ["object"] = "file", ["deleted"] = true }, deleted));
        Assert.Equal(0, (int)(await api.GetAsync("v3/files")).Body["meta"]!["total"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"v3/files/{id}/content")).Status);
        var (again, missing) = await api.DeleteAsync($"v3/files/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (again, FilesApi.ErrorCode(missing)));
        using var download = await api.Anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task An_upload_is_recorded_as_its_form_not_its_bytes()
    {
        await using var api = await FilesApi.StartAsync();

        await api.UploadAsync(MediaBytes.Png(2_000_000), partFileName: "cat.png", purpose: "reference_media", ttlSeconds: "60");

        var recorded = Assert.Single(api.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v3/files");
        Assert.Equal(200, recorded.ResponseStatus);
        Assert.Equal("file=(2000000 bytes, cat.png)&purpose=reference_media&ttl_seconds=60", recorded.Body);
    }

    [Fact]
    public async Task The_files_endpoints_take_the_api_key()
    {
        await using var api = await FilesApi.StartAsync();
        api.Api.DefaultRequestHeaders.Authorization = null;

        var (status, _) = await api.UploadAsync(MediaBytes.Png());

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("v3/files")).Status);
    }
}
