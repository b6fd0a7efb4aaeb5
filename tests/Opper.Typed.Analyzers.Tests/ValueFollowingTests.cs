using Opper.Typed.Analyzers.Tests.Support;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>
/// The analyzer follows a value to the constant it provably is, and never guesses: each shape it follows has a case
/// where the misuse is found, and a near miss where the value may have changed and nothing is said.
/// </summary>
public sealed class ValueFollowingTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // A static readonly field with a literal initializer.
        { """static readonly string Cat = "https://example.com/cat.jpg"; object M() => new Veo31FastGenerate001Request("cat") { Image = Cat };""", ["OPPER001:Cat"] },
        { """static readonly string Cat = System.Environment.GetEnvironmentVariable("CAT")!; object M() => new Veo31FastGenerate001Request("cat") { Image = Cat };""", [] },
        { """static string Cat = "https://example.com/cat.jpg"; object M() => new Veo31FastGenerate001Request("cat") { Image = Cat };""", [] },
        { """static readonly int Long = 30; object M() => new GrokImagineVideoRequest("cat") { Duration = Long };""", ["OPPER007:Long"] },
        // A const local and a const field (compile-time constants).
        { """const string Cat = "https://example.com/cat.jpg"; object M() => new Veo31FastGenerate001Request("cat") { Image = Cat };""", ["OPPER001:Cat"] },
        { """object M() { const int seconds = 4; return new VideoRequest("openai/sora-2", "x") { Parameters = { ["seconds"] = seconds } }; }""", ["OPPER006:seconds", "OPPER010"] },
        // A local written once, by its declaration.
        { """object M() { var url = "http://localhost/cat.jpg"; return new WanI2vRequest("x") { Image = url }; }""", ["OPPER002:url"] },
        { """object M() { var url = "http://localhost/cat.jpg"; url = Pick(); return new WanI2vRequest("x") { Image = url }; } static string Pick() => "https://example.com/cat.jpg";""", [] },
        { """object M() { var url = "http://localhost/cat.jpg"; Change(ref url); return new WanI2vRequest("x") { Image = url }; } static void Change(ref string s) => s = "https://example.com/cat.jpg";""", [] },
        { """object M(bool b) { var d = 30; if (b) d++; return new GrokImagineVideoRequest("x") { Duration = d }; }""", [] },
        { """object M() { var host = "localhost"; var url = "http://" + host; return new WanI2vRequest("x") { Image = url }; }""", [] },
        // A constant interpolated string.
        { """const string Host = "localhost"; object M() => new WanI2vRequest("x") { Image = $"http://{Host}/cat.jpg" };""", ["OPPER002:$\"http://{Host}/cat.jpg\""] },
        // Statements on a local request whose creation is in the same body: the indexer and Add.
        { """object M() { var v = new VideoRequest("openai/sora-2", "x"); v.Parameters["seconds"] = 4; return v; }""", ["OPPER006:4", "OPPER010"] },
        { """object M() { var v = new VideoRequest("vertexai/veo-3.1-generate-001", "x"); v.Parameters.Add("duration_seconds", 4); return v; }""", ["OPPER005:\"duration_seconds\"", "OPPER010"] },
        { """object M() { var v = new VideoRequest("openai/sora-2", "x"); v = new VideoRequest("openai/sora-2", "y"); v.Parameters["seconds"] = 4; return v; }""", ["OPPER010", "OPPER010"] },
        { """object M(VideoRequest v) { v.Parameters["seconds"] = 4; return v; }""", [] },
        // A with expression on a typed request (generated classes are records).
        { """object M(GrokImagineVideoRequest r) => r with { Duration = 30 };""", ["OPPER007:30"] },
        { """object M(Veo31FastGenerate001Request r) => r with { Image = "https://example.com/cat.jpg" };""", ["OPPER001:\"https://example.com/cat.jpg\""] },
        { """object M(GrokImagineVideoRequest r) => r with { Duration = 15 };""", [] },
        { """object M(Sora2Request r) => r with { AdditionalParameters = { } };""", [] },
        // The typed escape hatch, in an initializer and as a statement.
        { """object M() => new Sora2Request("x") { AdditionalParameters = { ["size"] = "1280x720" } };""", ["OPPER012:\"size\""] },
        { """object M() { var r = new Sora2Request("x"); r.AdditionalParameters["new_knob"] = 1; return r; }""", ["OPPER013:\"new_knob\""] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_provable_values_are_followed(string members, string[] expected)
    {
        var diagnostics = await AnalyzerHarness.AnalyzeAsync($$"""
            using Opper.Typed;
            class Use
            {
                {{members}}
            }
            """);

        var actual = diagnostics.Select(d => d.Id == "OPPER010" ? d.Id : $"{d.Id}:{d.SpanText()}").Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), actual);
    }
}
