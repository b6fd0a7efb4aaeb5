using System.Linq;
using System.Reflection;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>
    /// Where each diagnostic's page lives: one page per id under docs/diagnostics. The base comes from the MSBuild property
    /// <c>OpperHelpLinkBase</c> (by default the repository's <c>RepositoryUrl</c> + <c>/blob/main/docs/diagnostics/</c>),
    /// stamped into this assembly when it is built.
    /// </summary>
    internal static class HelpLinks
    {
        public static readonly string Base = typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "OpperHelpLinkBase")?.Value ?? "";

        public static string For(string id) => Base + id + ".md";
    }
}
