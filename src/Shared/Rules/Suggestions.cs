using System;
using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules;

/// <summary>
/// "Did you mean": the closest known name, ignoring case and separators first, then another provider's word for the
/// same thing, then by edit distance.
/// </summary>
internal static class Suggestions
{
    /// <summary>
    /// Names that mean the same across the providers' dialects (Sora's <c>seconds</c> is Veo's <c>durationSeconds</c>
    /// and Wan's <c>duration</c>), normalized: users carry one provider's word to another, and no edit distance links them.
    /// </summary>
    private static readonly string[][] Synonyms =
    [
        ["seconds", "duration", "durationseconds", "length"],
        ["size", "resolution"],
        ["audio", "generateaudio", "withaudio"],
        ["negativeprompt", "negative"],
    ];

    public static string? Closest(string name, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var normalized = Normalize(name);
        var exact = candidates.FirstOrDefault(c => Normalize(c) == normalized);
        if (exact is not null)
        {
            return exact;
        }

        var synonyms = Synonyms.FirstOrDefault(group => group.Contains(normalized));
        var synonym = synonyms is null ? null : candidates.FirstOrDefault(c => synonyms.Contains(Normalize(c)));
        if (synonym is not null)
        {
            return synonym;
        }

        var best = candidates.Select(c => (Name: c, Distance: Distance(normalized, Normalize(c)))).OrderBy(c => c.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 4) ? best.Name : null;
    }

    private static string Normalize(string text) =>
        new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
