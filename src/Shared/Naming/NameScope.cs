using System;
using System.Collections.Generic;
using System.Globalization;

namespace Opper.Typed.Core.Naming
{
    /// <summary>
    /// The names already taken in one C# scope (a namespace, a class, the registry), compared without case because hint
    /// names (file names) are, and file systems may be. A name that is taken gets a number before its suffix.
    /// </summary>
    internal sealed class NameScope
    {
        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public NameScope(IEnumerable<string> reserved)
        {
            foreach (var name in reserved)
            {
                _taken.Add(name);
            }
        }

        public bool IsTaken(string name) => _taken.Contains(name);

        public void Reserve(string name) => _taken.Add(name);

        /// <summary>The name, or with the first free number inserted before <paramref name="suffix"/> (<c>Foo2Request</c>); then taken.</summary>
        public string Claim(string name, string suffix = "")
        {
            var stem = suffix.Length > 0 && name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;
            var candidate = name;
            for (var n = 2; _taken.Contains(candidate); n++)
            {
                candidate = stem + n.ToString(CultureInfo.InvariantCulture) + suffix;
            }

            _taken.Add(candidate);
            return candidate;
        }
    }
}
