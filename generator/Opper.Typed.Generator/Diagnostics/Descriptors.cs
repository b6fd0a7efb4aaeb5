using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Opper.Typed.Core.Rules;
using Opper.Typed.Core.Snapshot;
using Opper.Typed.Generator.Analyzers;

namespace Opper.Typed.Generator.Diagnostics
{
    /// <summary>
    /// The compiler's descriptors, made once from what the rules and the snapshot problems say of themselves (their
    /// <see cref="RuleDescriptor"/>): nothing here names a rule, so a new rule needs no line in this file.
    /// </summary>
    internal static class Descriptors
    {
        /// <summary>OPPER009, the one source rule: the analyzer registers it itself.</summary>
        public static readonly DiagnosticDescriptor LiteralApiKey = Create(LiteralApiKeyRule.Descriptor);

        /// <summary>The request rules' descriptors, in <see cref="RequestRules.All"/> order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> RequestRules = Core.Rules.RequestRules.All.Select(r => Create(r.Descriptor)).ToImmutableArray();

        /// <summary>The OPPER1xx descriptors, in id order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> SnapshotProblems = SnapshotProblemKind.All.Select(k => Create(k.Descriptor)).ToImmutableArray();

        // Looked up once per reported diagnostic, never per analyzed node.
        private static readonly Dictionary<string, DiagnosticDescriptor> ById = RequestRules.Concat(SnapshotProblems).ToDictionary(d => d.Id);

        /// <summary>The descriptor of a request rule or a snapshot problem.</summary>
        public static DiagnosticDescriptor For(string id) => ById[id];

        private static DiagnosticDescriptor Create(RuleDescriptor rule) =>
            new DiagnosticDescriptor(rule.Id, rule.Title, rule.MessageFormat, rule.Category, SeverityOf(rule.Severity), isEnabledByDefault: true, helpLinkUri: HelpLinks.For(rule.Id));

        private static DiagnosticSeverity SeverityOf(RuleSeverity severity) => severity switch
        {
            RuleSeverity.Info => DiagnosticSeverity.Info,
            RuleSeverity.Error => DiagnosticSeverity.Error,
            _ => DiagnosticSeverity.Warning,
        };
    }
}
