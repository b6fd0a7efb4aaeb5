using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>
/// A parameter's tooltip is its description, how it is sent and its values, joined by single spaces: catalog text with
/// stray spaces reads the same as before the emitter wrote lines in place (a run of two spaces becomes one).
/// </summary>
public sealed class DocTextTests
{
    [Theory]
    [InlineData("Clip length in seconds.", "/// <summary>Clip length in seconds. Sent as <c>seconds</c>, a JSON string. Accepted: <c>\"4\"</c>, <c>\"8\"</c>, <c>\"12\"</c>. Not sent when null.</summary>")]
    [InlineData("Clip  length, trailing space. ", "/// <summary>Clip length, trailing space. Sent as <c>seconds</c>, a JSON string. Accepted: <c>\"4\"</c>, <c>\"8\"</c>, <c>\"12\"</c>. Not sent when null.</summary>")]
    [InlineData("Three   spaces.", "/// <summary>Three  spaces. Sent as <c>seconds</c>, a JSON string. Accepted: <c>\"4\"</c>, <c>\"8\"</c>, <c>\"12\"</c>. Not sent when null.</summary>")]
    public void A_parameter_description_is_joined_with_single_spaces(string description, string expectedLine)
    {
        var parameters = GeneratorHarness.SchemaText("video-parameters.json").Replace("\"Clip length in seconds.\"", "\"" + description + "\"", StringComparison.Ordinal);

        var (_, run, _) = GeneratorHarness.Run(GeneratorHarness.DefaultFiles(parameters: parameters));

        var source = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Sora2Request.g.cs").SourceText.ToString();
        Assert.Contains("        " + expectedLine + "\n        public global::Opper.Typed.Sora2Seconds? Seconds", source, StringComparison.Ordinal);
    }
}
