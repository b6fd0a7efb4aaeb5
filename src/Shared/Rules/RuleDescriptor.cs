namespace Opper.Typed.Core.Rules
{
    /// <summary>How loud a diagnostic is by default; the Roslyn assembly maps it to <c>DiagnosticSeverity</c> (the core is Roslyn-free).</summary>
    internal enum RuleSeverity
    {
        /// <summary>Advice: shown in the editor, not in the build output.</summary>
        Info,

        /// <summary>A request that will fail or misbehave.</summary>
        Warning,

        /// <summary>Stops generation (a snapshot file that cannot be read).</summary>
        Error,
    }

    /// <summary>
    /// What a diagnostic is, written once beside the code that reports it: id (its page is
    /// <c>docs/diagnostics/{Id}.md</c>), title, default severity, category and message format. The Roslyn assembly makes
    /// its <c>DiagnosticDescriptor</c>s from these, the runtime words its exceptions with them, and the docs test checks
    /// each against its page and its release-file line.
    /// </summary>
    internal sealed record RuleDescriptor(string Id, string Title, RuleSeverity Severity, string Category, string MessageFormat)
    {
        /// <summary>The request rules and the source rule: misuse of the video API.</summary>
        public const string UsageCategory = "Opper.Usage";

        /// <summary>The snapshot problems: the catalog or parameters file itself is wrong.</summary>
        public const string CatalogCategory = "Opper.Catalog";

        /// <summary>A request rule's message is the core's own sentence (<see cref="RuleViolation.Message"/>), so every layer says the same words.</summary>
        public const string CoreSentence = "{0}";
    }
}
