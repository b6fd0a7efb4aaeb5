using System;
using System.Text;

namespace Opper.Typed.Core.Text
{
    /// <summary>
    /// One reusable builder per thread: for short strings (names, escaped values; reading a catalog of a thousand models
    /// makes tens of thousands of them, and a new builder for each was a fifth of what the reading allocated), and for
    /// the generator's files, one after another. A builder acquired while another is out is a new one.
    /// </summary>
    internal static class StringBuilderCache
    {
        // A generated file is tens of kilobytes; a larger builder is let go rather than kept for the life of the process.
        private const int MaxKeptCapacity = 256 * 1024;

        [ThreadStatic]
        private static StringBuilder? t_cached;

        public static StringBuilder Acquire(int capacity = 64)
        {
            var builder = t_cached;
            if (builder is not null && capacity <= builder.Capacity)
            {
                t_cached = null;
                builder.Clear();
                return builder;
            }

            return new StringBuilder(capacity);
        }

        /// <summary>The builder's text; the builder is kept for the next <see cref="Acquire"/> on this thread.</summary>
        public static string GetStringAndRelease(StringBuilder builder)
        {
            var text = builder.ToString();
            if (builder.Capacity <= MaxKeptCapacity)
            {
                t_cached = builder;
            }

            return text;
        }
    }
}
