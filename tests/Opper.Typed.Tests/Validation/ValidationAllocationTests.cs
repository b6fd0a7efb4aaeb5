namespace Opper.Typed.Tests.Validation;

/// <summary>
/// The client checks every request it sends, so checking a valid one must cost nothing: no facts, lists, number texts
/// or key sets made per call (the rules compare against values precomputed in the spec). Counted in bytes on this
/// thread, which is exact, unlike a timing. Not covered, because they allocate: a media URL (parsed with
/// <see cref="Uri"/>) and a number parsed from JSON text (kept as written, for messages).
/// </summary>
public sealed class ValidationAllocationTests
{
    public static TheoryData<string, IVideoRequest> ValidRequests => new()
    {
        {
            "typed, enum values",
            new Veo31FastGenerate001Request("a cat")
            {
                DurationSeconds = Veo31FastGenerate001DurationSeconds.DurationSeconds4,
                Resolution = Veo31FastGenerate001Resolution.Resolution720p,
                AspectRatio = Veo31FastGenerate001AspectRatio.AspectRatio16x9,
            }
        },
        { "typed, an integer in range", new GrokImagineVideoRequest("a cat") { Duration = 6 } },
        { "untyped, numbers and strings", new VideoRequest("vertexai/veo-3.1-generate-001", "a cat") { Parameters = { ["durationSeconds"] = 8, ["aspectRatio"] = "16:9" } } },
    };

    [Theory]
    [MemberData(nameof(ValidRequests))]
    public void A_valid_request_is_checked_without_allocating(string name, IVideoRequest request)
    {
        var (spec, keys) = (request.ModelSpec, request.AdditionalParameterKeys);
        Assert.Null(Check(request.ToWireRequest())); // the first check on a thread makes the facts it reuses
        var wire = request.ToWireRequest(); // fresh nodes, as each send makes

        var before = GC.GetAllocatedBytesForCurrentThread();
        var problems = Check(wire);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(problems);
        Assert.True(allocated == 0, $"{name}: checking a valid request allocated {allocated} bytes");

        List<OpperValidationException>? Check(VideoWireRequest body) => VideoRequestValidator.Check(body, spec, keys, VideoModelCatalog.Default, out _);
    }
}
