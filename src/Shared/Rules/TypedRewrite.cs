using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed.Core.Rules
{
    /// <summary>One parameter of OPPER010's rewrite: its key, the typed property, the value as C# (empty: as written) and its JSON type.</summary>
    internal sealed record TypedRewriteEntry(string Key, string Property, string Replacement, string Type);

    /// <summary>
    /// OPPER010's rewrite as its hint carries it from the rule to the code fix (diagnostic properties are strings): one
    /// line per parameter, <c>key \t Property \t Enum.Member \t JSON type</c>. Written and read only here, so the two
    /// ends cannot disagree on the format.
    /// </summary>
    internal static class TypedRewrite
    {
        public static string Write(IEnumerable<TypedRewriteEntry> entries) =>
            string.Join("\n", entries.Select(e => e.Key + "\t" + e.Property + "\t" + e.Replacement + "\t" + e.Type));

        /// <summary>The entries by key, or null when the hint is malformed or names a key twice (which value wins is not the fix's to decide).</summary>
        public static Dictionary<string, TypedRewriteEntry>? Read(string hint)
        {
            var entries = new Dictionary<string, TypedRewriteEntry>();
            foreach (var line in hint.Split('\n').Where(l => l.Length > 0).Select(l => l.Split('\t')))
            {
                if (line.Length != 4 || entries.ContainsKey(line[0]))
                {
                    return null;
                }

                entries[line[0]] = new TypedRewriteEntry(line[0], line[1], line[2], line[3]);
            }

            return entries;
        }
    }
}
