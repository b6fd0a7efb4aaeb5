using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Generator.Parser
{
    /// <summary>Applies each provider's dialect to the catalog's models: names, typed parameters, enums.</summary>
    internal static class ModelSpecBuilder
    {
        private static readonly string[] AllMedia = { "url", "data_uri", "gcs" };

        public static List<ModelSpec> Build(List<CatalogEntry> entries, DialectSet dialects, GeneratorOptions options, List<DiagnosticInfo> diagnostics)
        {
            var classNames = AssignClassNames(entries, diagnostics);
            var specs = new List<ModelSpec>(entries.Count);
            foreach (var entry in entries)
            {
                var className = classNames[entry.Id];
                dialects.Providers.TryGetValue(entry.Provider, out var dialect);
                if (dialect is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ProviderWithoutDialect, entry.Span, entry.Provider, entry.Id, className));
                }

                var typeName = className.Substring(0, className.Length - "Request".Length);
                var parameters = dialect is null
                    ? new List<ParameterSpec>()
                    : Merge(dialect.Parameters, dialects.ModelOverrides.TryGetValue(entry.Id, out var overrides) ? overrides : null)
                        .Select(p => BuildParameter(p, entry, typeName, diagnostics))
                        .Where(p => p is not null)
                        .Select(p => p!)
                        .ToList();

                string? successorClass = null;
                if (entry.Successor is not null)
                {
                    classNames.TryGetValue(entry.Successor, out successorClass);
                }

                specs.Add(new ModelSpec(
                    entry.Id,
                    entry.Provider,
                    className,
                    typeName,
                    entry.Name,
                    entry.Description,
                    entry.Capabilities.ToEquatableArray(),
                    (dialect?.Media ?? (IEnumerable<string>)AllMedia).ToEquatableArray(),
                    dialect?.PublicUrlsOnly ?? false,
                    dialect?.ImageSizeParameter,
                    dialect is not null,
                    parameters.ToEquatableArray(),
                    entry.MaxDuration,
                    entry.PricePerSecond,
                    entry.PricePerGeneration,
                    entry.RetiredAt,
                    entry.Successor,
                    successorClass,
                    options.PublicTypes));
            }

            return specs;
        }

        private static Dictionary<string, string> AssignClassNames(List<CatalogEntry> entries, List<DiagnosticInfo> diagnostics)
        {
            var names = new Dictionary<string, string>();
            foreach (var group in entries.GroupBy(e => Naming.ClassName(e.Id, withProvider: false)))
            {
                var members = group.ToList();
                if (members.Count == 1)
                {
                    names[members[0].Id] = group.Key;
                    continue;
                }

                foreach (var member in members)
                {
                    names[member.Id] = Naming.ClassName(member.Id, withProvider: true);
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NameCollision,
                    members[1].Span,
                    string.Join(", ", members.Select(m => $"'{m.Id}'")),
                    group.Key,
                    string.Join(", ", members.Select(m => names[m.Id]))));
            }

            return names;
        }

        private static IEnumerable<DialectParameter> Merge(List<DialectParameter> common, List<DialectParameter>? overrides)
        {
            if (overrides is null)
            {
                return common;
            }

            var byName = overrides.ToDictionary(p => p.Name);
            return common.Select(p => byName.TryGetValue(p.Name, out var replacement) ? replacement : p)
                .Concat(overrides.Where(o => common.All(p => p.Name != o.Name)));
        }

        private static ParameterSpec? BuildParameter(DialectParameter parameter, CatalogEntry entry, string typeName, List<DiagnosticInfo> diagnostics)
        {
            var propertyName = Naming.PropertyName(parameter.Name);
            var minimum = parameter.Minimum;
            var maximum = parameter.Maximum;
            List<(string WireText, string Literal, string Member)>? values = null;

            switch (parameter.Source)
            {
                case "aspect_ratios":
                    values = StringValues(entry.AspectRatios);
                    break;
                case "resolutions":
                    values = StringValues(entry.Resolutions);
                    break;
                case "size":
                    values = StringValues(entry.Resolutions.SelectMany(r => entry.AspectRatios.Select(a => Size(parameter, r, a))).Where(s => s is not null).Select(s => s!).Distinct());
                    break;
                case "max_duration":
                    maximum = entry.MaxDuration ?? maximum;
                    minimum = minimum ?? 1;
                    break;
            }

            if (parameter.Values is not null)
            {
                values = parameter.Values
                    .Select(v => v.Kind == Json.JsonKind.String
                        ? (Quote(v.Text!), SymbolDisplay.FormatLiteral(v.Text!, quote: true), v.Text!)
                        : (v.Text!, v.Text!, v.Text!))
                    .ToList();
            }

            if (parameter.Source is not null && parameter.Source != "max_duration" && (values is null || values.Count == 0))
            {
                // The catalog does not list values for this model: it does not advertise the parameter, so it is not offered.
                return null;
            }

            var enumName = values is null ? null : typeName + propertyName;
            var members = new List<EnumMemberSpec>();
            foreach (var value in values ?? Enumerable.Empty<(string WireText, string Literal, string Member)>())
            {
                var memberName = Naming.EnumMemberName(value.Member, propertyName);
                if (memberName is null || members.Any(m => m.Name == memberName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueNotIdentifier, entry.Span, value.WireText, parameter.Name, entry.Id, enumName!));
                    continue;
                }

                members.Add(new EnumMemberSpec(memberName, value.WireText, value.Literal));
            }

            return new ParameterSpec(parameter.Name, propertyName, parameter.Type, enumName, members.ToEquatableArray(), minimum, maximum, parameter.Description);
        }

        private static List<(string, string, string)> StringValues(IEnumerable<string> values) =>
            values.Select(v => (Quote(v), SymbolDisplay.FormatLiteral(v, quote: true), v)).ToList();

        /// <summary>WIDTHxHEIGHT for a resolution and aspect ratio: the dialect's table first, else the resolution is the short side.</summary>
        private static string? Size(DialectParameter parameter, string resolution, string aspect)
        {
            if (parameter.SizeTable.TryGetValue(resolution + " " + aspect, out var size))
            {
                return size;
            }

            return FrameSize.FromResolutionAndAspect(resolution, aspect);
        }

        private static string Quote(string text) => "\"" + text + "\"";
    }
}
