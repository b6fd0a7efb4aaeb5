using Opper.Typed.Analyzers.Tests.Support;

namespace Opper.Typed.Analyzers.Tests;

/// <summary>
/// Seeded mutations of request code (hostile literals, duplicated keys, fractions, nulls, huge numbers) through the
/// analyzer and every packaged code fix: no analyzer exception, no fixer exception, and no fix that turns code that
/// compiled into code that does not.
/// </summary>
public sealed class CodeFixFuzzTests
{
    private static readonly string[] Templates =
    [
        """new VideoRequest({MODEL}, "p") { Parameters = { [{KEY}] = {VALUE}, [{KEY}] = {VALUE} } }""",
        """new VideoRequest({MODEL}, "p") { Image = {MEDIA}, Parameters = { [{KEY}] = {VALUE} } }""",
        """new GrokImagineVideoRequest("p") { Duration = {INT}, Image = {MEDIA}, AdditionalParameters = { [{KEY}] = {VALUE} } }""",
        """new Sora2Request("p") { Image = {MEDIA}, AdditionalParameters = { [{KEY}] = {VALUE}, [{KEY}] = {VALUE} } }""",
        """new Veo31Generate001Request("p") { SampleCount = {INT}, Image = {MEDIA} }""",
        """new OpperVideoClientOptions { ApiKey = {STRING} }""",
    ];

    private static readonly string[] Models = ["\"openai/sora-2\"", "\"openai/sora2\"", "\"xai/grok-imagine-video\"", "\"vertexai/veo-3.1-generate-001\"", "\"pruna/wan-t2v\"", "\"pruna/vace\"", "\"x/unknown\"", "\"\""];
    private static readonly string[] Keys = ["\"seconds\"", "\"size\"", "\"duration\"", "\"durationSeconds\"", "\"duration_seconds\"", "\"aspect_ratio\"", "\"resolution\"", "\"\"", "\"\\u2028\"", "\"new_knob\""];
    private static readonly string[] Values = ["4", "\"4\"", "100.5", "-1", "0", "30", "1e300", "\"NaN\"", "\"1e999\"", "\"Infinity\"", "\"false\"", "false", "null", "\"1280x720\"", "\"1920x1080\"", "'c'", "4L", "4.0m", "\"\"", "99999999999999999999.0"];
    private static readonly string[] Media = ["\"https://example.com/cat.jpg\"", "\"http://localhost/cat.jpg\"", "\"data:image/png;base64,iVBORw0KGgo=\"", "\"gs://b/c.png\"", "\"cat.png\"", "\"\"", "MediaInput.FromUrl(\"https://example.com/a.jpg\")"];
    private static readonly string[] Ints = ["0", "30", "-5", "int.MaxValue", "15"];
    private static readonly string[] Strings = ["\"op-live-1\"", "\"\"", "\" \"", "\"\\u2028\""];

    [Fact]
    public async Task Every_fix_on_mutated_code_neither_throws_nor_breaks_the_build()
    {
        var random = new Random(20261125);
        var problems = new List<string>();
        var applied = 0;
        for (var i = 0; i < 160; i++)
        {
            var expression = Templates[random.Next(Templates.Length)]
                .Replace("{MODEL}", Models[random.Next(Models.Length)], StringComparison.Ordinal);
            expression = Fill(expression, "{KEY}", Keys, random);
            expression = Fill(expression, "{VALUE}", Values, random);
            expression = Fill(expression, "{MEDIA}", Media, random);
            expression = Fill(expression, "{INT}", Ints, random);
            expression = Fill(expression, "{STRING}", Strings, random);

            var (count, found) = await CodeFixHarness.ApplyEveryFixAsync(AnalyzerHarness.Wrap(expression));
            applied += count;
            problems.AddRange(found.Select(p => $"case {i}: {expression}\n{p}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems.Take(5)));
        Assert.True(applied > 50, $"only {applied} fixes were applied: the corpus does not exercise the fixers");
    }

    private static string Fill(string template, string hole, string[] options, Random random)
    {
        while (template.Contains(hole, StringComparison.Ordinal))
        {
            var at = template.IndexOf(hole, StringComparison.Ordinal);
            template = template[..at] + options[random.Next(options.Length)] + template[(at + hole.Length)..];
        }

        return template;
    }
}
