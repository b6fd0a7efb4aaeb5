using Opper.Typed.Testing;
using static Opper.Typed.Testing.Mp4Bytes;

namespace Opper.Typed.Tests.Mp4;

/// <summary>
/// The one MP4 box reader (download check, emulator retimer, CLI duration) on hand-built files: 32- and 64-bit sizes,
/// size 0, box types spelled inside media data, cut-off boxes, and both movie header versions.
/// </summary>
public sealed class Mp4BoxReaderTests
{
    [Fact]
    public void A_64_bit_mdat_before_the_movie_is_walked_over_and_the_file_is_whole()
    {
        var file = new MemoryStream(Concat(FileType(), LargeBox("mdat", new byte[1000]), Box("moov", MovieHeader(600, 2400))));

        Assert.Null(Mp4Container.Problem(file));
        Assert.Equal(["ftyp", "mdat", "moov"], Mp4Boxes.Of(file).Select(box => box.Type));
        Assert.Equal(16, Mp4Boxes.Find(file, "mdat")!.Value.HeaderSize);
        Assert.Equal(4.0, Mp4Timing.OfMovie(file)?.Seconds);
    }

    [Fact]
    public void A_last_box_of_size_0_runs_to_the_end_of_the_file()
    {
        var file = new MemoryStream(Concat(FileType(), Box("moov", MovieHeader(1000, 1500)), ToEndBox("mdat", new byte[300])));

        Assert.Null(Mp4Container.Problem(file));
        Assert.Equal(file.Length, Mp4Boxes.Find(file, "mdat")!.Value.End);
    }

    [Fact]
    public void Movie_header_bytes_inside_the_media_data_are_not_the_movie_header()
    {
        // What an IndexOf("mvhd") over the file would find first: a 99 s "header" in the frames, before the real 2 s one.
        var file = new MemoryStream(Concat(FileType(), MediaDataSpellingMvhd(99), Box("moov", MovieHeader(90000, 180000))));

        Assert.Equal(2.0, Mp4Timing.OfMovie(file)?.Seconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Both_movie_header_versions_give_timescale_and_duration(int version)
    {
        var file = new MemoryStream(Concat(FileType(), Box("moov", MovieHeader(24000, 5 * 24000UL, version))));

        var timing = Mp4Timing.OfMovie(file)!.Value;

        Assert.Equal((24000u, 120000UL, version == 1), (timing.Timescale, timing.Duration, timing.Wide));
        Assert.Equal(5.0, timing.Seconds);
    }

    [Fact]
    public void A_version_1_duration_past_32_bits_is_read_whole()
    {
        var file = new MemoryStream(Concat(FileType(), Box("moov", MovieHeader(1_000_000, 5_000_000_000UL, version: 1))));

        Assert.Equal(5000.0, Mp4Timing.OfMovie(file)?.Seconds);
    }

    public static TheoryData<string, byte[]> Broken => new()
    {
        { "box 'moov' at", Concat(FileType(), Box("moov", MovieHeader(600, 600)))[..^10] },            // the last box cut
        { "box 'mdat' at", Concat(FileType(), LargeBox("mdat", new byte[100]))[..^1] },                 // a 64-bit box cut
        { "is cut off", Concat(FileType(), LargeBox("mdat", new byte[100]))[..(FileType().Length + 12)] }, // its largesize cut
        { "stray bytes", Concat(FileType(), Box("moov", MovieHeader(600, 600)), new byte[5]) },
        { "not 'ftyp'", Concat(Box("moov", MovieHeader(600, 600)), FileType()) },
        { "no 'moov'", Concat(FileType(), Box("mdat", new byte[10])) },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_cut_or_malformed_file_is_not_whole_and_says_why(string problem, byte[] bytes)
    {
        Assert.Contains(problem, Mp4Container.Problem(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_movie_header_cut_inside_its_fields_has_no_timing()
    {
        var header = MovieHeader(600, 600);
        var cut = Box("mvhd", header[8..20]); // version, flags and times, but no timescale or duration
        var file = new MemoryStream(Concat(FileType(), Box("moov", cut)));

        Assert.Null(Mp4Timing.OfMovie(file));
        Assert.Null(Mp4Timing.OfMovie(new MemoryStream(Concat(FileType(), Box("moov", MovieHeader(600, 600)))[..^30])));
    }

    [Fact]
    public void An_emulator_fixture_reads_as_the_test_oracle_reads_it()
    {
        var clip = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "src", "Opper.Typed.Emulator", "Clips", "1280x720.mp4"));
        var file = new MemoryStream(clip);

        Assert.Null(Mp4Container.Problem(file));
        Assert.True(Mp4Container.StartsWithFileType(file));
        Assert.Equal(Support.Mp4Probe.StatedSeconds(clip), Mp4Timing.OfMovie(file)?.Seconds);
    }
}
