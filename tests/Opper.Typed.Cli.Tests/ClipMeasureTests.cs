using Opper.Typed.Cli.Jobs;
using Opper.Typed.Cli.Tests.Support;
using static Opper.Typed.Testing.Mp4Bytes;

namespace Opper.Typed.Cli.Tests;

/// <summary>The "Saved … (size, seconds)" line measures the clip by its boxes, as the client's download check reads them.</summary>
public sealed class ClipMeasureTests : InTempFolder
{
    [Fact]
    public void The_duration_is_the_real_movie_headers_not_mvhd_bytes_inside_the_media_data()
    {
        // A provider's file: frames first (which may spell "mvhd" anywhere), a 64-bit mdat, the movie box last.
        var bytes = Concat(FileType(), MediaDataSpellingMvhd(99), LargeBox("mdat", new byte[64]), Box("moov", MovieHeader(90000, 4 * 90000UL, version: 1)));
        var path = Path.Combine(Folder, "clip.mp4");
        File.WriteAllBytes(path, bytes);

        Assert.Equal((bytes.Length, 4.0), JobDownload.Measure(path));
    }

    [Fact]
    public void A_file_without_a_readable_movie_header_has_a_size_and_no_duration()
    {
        var path = Path.Combine(Folder, "clip.mp4");
        File.WriteAllBytes(path, Concat(FileType(), MediaDataSpellingMvhd(99)));

        Assert.Equal((File.ReadAllBytes(path).Length, (double?)null), JobDownload.Measure(path));
    }
}
