using System.Text;

namespace Opper.Typed.Generator.Tests.Support;

/// <summary>Where two texts first part, line by line, readable in a failed assertion (xUnit shows no diff for a long string).</summary>
internal static class LineDiff
{
    /// <summary>
    /// The first differing lines with their numbers, and a few around them; empty when the texts are equal. Line ends
    /// are compared too: a file that differs only in them names its line ends instead.
    /// </summary>
    public static string Describe(string expected, string actual, int shown = 6)
    {
        if (expected == actual)
        {
            return "";
        }

        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var first = 0;
        while (first < want.Length && first < got.Length && want[first] == got[first])
        {
            first++;
        }

        var text = new StringBuilder();
        text.AppendLine($"first difference at line {first + 1} (expected {want.Length} lines, got {got.Length}):");
        for (var i = Math.Max(0, first - 2); i < first + shown && (i < want.Length || i < got.Length); i++)
        {
            var expectedLine = i < want.Length ? want[i] : null;
            var actualLine = i < got.Length ? got[i] : null;
            if (expectedLine == actualLine)
            {
                text.AppendLine($"  {i + 1,5}   {Shown(expectedLine)}");
            }
            else
            {
                text.AppendLine($"- {i + 1,5}   {Shown(expectedLine)}");
                text.AppendLine($"+ {i + 1,5}   {Shown(actualLine)}");
            }
        }

        return text.ToString();
    }

    private static string Shown(string? line) => line is null ? "(no line)" : line.Replace("\r", "\\r", StringComparison.Ordinal);
}
