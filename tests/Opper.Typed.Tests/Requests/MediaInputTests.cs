namespace Opper.Typed.Tests.Requests;

public sealed class MediaInputTests
{
    public static TheoryData<byte[], string> Headers => new()
    {
        { [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1], "image/jpeg" },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "GIF89a\x01\0\x01\0\0\0"u8.ToArray(), "image/gif" },
        { [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m'], "video/mp4" },
        { [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 1, 0, 0, 0], "video/webm" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void FromBytes_sniffs_the_media_type_from_magic_bytes(byte[] bytes, string mediaType)
    {
        var input = MediaInput.FromBytes(bytes);

        Assert.Equal(MediaSourceKind.DataUri, input.Kind);
        Assert.Equal(mediaType, input.MediaType);
        Assert.Equal($"data:{mediaType};base64,{Convert.ToBase64String(bytes)}", input.Value);
    }

    [Fact]
    public void FromFile_ignores_a_lying_extension_and_enforces_the_cap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"opper-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]);
        try
        {
            Assert.Equal("image/png", MediaInput.FromFile(path).MediaType);
            var error = Assert.Throws<ArgumentException>(() => MediaInput.FromFile(path, maxBytes: 8));
            Assert.Contains("12 bytes, over the 8-byte cap", error.Message);
            Assert.Contains("MediaInput.FromUrl", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unknown_bytes_need_an_explicit_type()
    {
        var error = Assert.Throws<ArgumentException>(() => MediaInput.FromBytes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));

        Assert.Contains("not a PNG, JPEG, WebP, GIF, MP4 or WebM", error.Message);
        Assert.Equal("image/heic", MediaInput.FromBytes([1, 2, 3], "image/heic").MediaType);
    }

    [Fact]
    public void A_missing_file_says_which()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MediaInput.FromFile("/nowhere/cat.png"));

        Assert.Contains("/nowhere/cat.png", error.Message);
    }

    [Theory]
    [InlineData("https://example.com/cat.jpg", MediaSourceKind.Url)]
    [InlineData("http://example.com/cat.jpg", MediaSourceKind.Url)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", MediaSourceKind.DataUri)]
    [InlineData("gs://bucket/cat.png", MediaSourceKind.GcsUri)]
    [InlineData("cat.png", MediaSourceKind.Unknown)]
    [InlineData("file:///tmp/cat.png", MediaSourceKind.Unknown)]
    [InlineData("data:;base64,AAAA", MediaSourceKind.Unknown)]
    public void A_string_converts_by_its_scheme(string value, MediaSourceKind kind)
    {
        MediaInput input = value;

        Assert.Equal(kind, input.Kind);
        Assert.Equal(value, input.Value);
    }

    [Theory]
    [InlineData("ftp://example.com/cat.jpg")]
    [InlineData("/tmp/cat.jpg")]
    public void FromUrl_takes_http_and_https_only(string url) =>
        Assert.Throws<ArgumentException>(() => MediaInput.FromUrl(url));

    [Theory]
    [InlineData("gs://bucket")]
    [InlineData("gs://bucket/")]
    [InlineData("https://storage.googleapis.com/bucket/cat.png")]
    public void FromGcs_needs_a_bucket_and_an_object(string uri) =>
        Assert.Throws<ArgumentException>(() => MediaInput.FromGcs(uri));

    [Fact]
    public void A_data_uri_prints_short()
    {
        var input = MediaInput.FromBytes(new byte[4096], "image/png");

        Assert.StartsWith("data:image/png;base64,… (", input.ToString());
        Assert.True(input.ToString().Length < 60);
    }
}
