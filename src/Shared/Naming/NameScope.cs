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
        /// <summary>
        /// Names taken in every scope of a kind, made into a set once: a class's scope is made per model, and copying
        /// its reserved names into each would cost more than the model's own names.
        /// </summary>
        internal sealed class ReservedSet
        {
            private readonly HashSet<string> _names;

            public ReservedSet(IEnumerable<string> names)
            {
                _names = new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
            }

            public bool Contains(string name) => _names.Contains(name);
        }

        private readonly HashSet<string> _taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly ReservedSet _reserved;

        public NameScope(ReservedSet reserved)
        {
            _reserved = reserved;
        }

        public bool IsTaken(string name) => _reserved.Contains(name) || _taken.Contains(name);

        public void Reserve(string name) => _taken.Add(name);

        /// <summary>The name, or with the first free number inserted before <paramref name="suffix"/> (<c>Foo2Request</c>); then taken.</summary>
        public string Claim(string name, string suffix = "")
        {
            var stem = suffix.Length > 0 && name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;
            var candidate = name;
            for (var n = 2; IsTaken(candidate); n++)
            {
                candidate = stem + n.ToString(CultureInfo.InvariantCulture) + suffix;
            }

            _taken.Add(candidate);
            return candidate;
        }
    }
}
