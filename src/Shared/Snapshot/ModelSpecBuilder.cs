using System.Collections.Generic;
using System.Linq;
using Opper.Typed.Core.Naming;
using Opper.Typed.Core.Snapshot.Json;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>Applies each provider's dialect to the catalog's models: names, typed parameters, accepted values.</summary>
    internal static class ModelSpecBuilder
    {
        private static readonly MediaSourceKind[] AllMedia = { MediaSourceKind.Url, MediaSourceKind.DataUri, MediaSourceKind.GcsUri, MediaSourceKind.FileId };

        // One namespace for classes and enums, never the runtime's own type names; hint names compare without case.
        // A class may not be named like a member every request class has (CS0542), so those are taken too.
        private static readonly NameScope.ReservedSet TypeNames = new NameScope.ReservedSet(ReservedNames.Types.Concat(ReservedNames.RequestMembers));
        private static readonly NameScope.ReservedSet MemberNames = new NameScope.ReservedSet(ReservedNames.RequestMembers);
        private static readonly NameScope.ReservedSet RegistryNames = new NameScope.ReservedSet(ReservedNames.RegistryMembers);

        public static List<VideoModelSpec> Build(List<CatalogEntry> entries, DialectSet dialects, List<SnapshotProblem> problems)
        {
            var types = new NameScope(TypeNames);
            var classNames = AssignClassNames(entries, types, problems);
            var specs = new List<VideoModelSpec>(entries.Count);
            foreach (var entry in entries)
            {
                var className = classNames[entry.Id];
                dialects.Providers.TryGetValue(entry.Provider, out var dialect);
                if (dialect is null)
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.ProviderWithoutDialect, entry.Span, entry.Provider, entry.Id, className));
                }

                var typeName = className.Substring(0, className.Length - "Request".Length);
                var members = new NameScope(MemberNames);
                members.Reserve(className);
                var parameters = dialect is null
                    ? new List<VideoParameterSpec>()
                    : Merge(dialect.Parameters, dialects.ModelOverrides.TryGetValue(entry.Id, out var overrides) ? overrides : null)
                        .Select(p => BuildParameter(p, entry, typeName, new Scopes(types, members), problems))
                        .Where(p => p is not null)
                        .Select(p => p!)
                        .ToList();

                // Reference images are per model: only where the parameters file says so (the providers' docs name models).
                dialects.ReferenceImages.TryGetValue(entry.Id, out var references);
                string? successorClass = null;
                if (entry.Successor is not null)
                {
                    classNames.TryGetValue(entry.Successor, out successorClass);
                }

                specs.Add(new VideoModelSpec
                {
                    Id = entry.Id,
                    Provider = entry.Provider,
                    DisplayName = entry.Name,
                    Description = entry.Description,
                    RequestTypeName = className,
                    Capabilities = entry.Capabilities,
                    AcceptedMedia = dialect?.Media ?? (IReadOnlyList<MediaSourceKind>)AllMedia,
                    PublicUrlsOnly = dialect?.PublicUrlsOnly ?? false,
                    ImageSizeParameter = dialect?.ImageSizeParameter,
                    HasDialect = dialect is not null,
                    Parameters = parameters,
                    MaxDuration = entry.MaxDuration,
                    PricePerSecond = entry.PricePerSecond,
                    PricePerGeneration = entry.PricePerGeneration,
                    RetiredAt = entry.RetiredAt,
                    Successor = entry.Successor,
                    SuccessorRequestTypeName = successorClass,
                    MaxReferenceImages = references?.Max ?? 0,
                    ReferenceImagesNotWith = references?.NotWith ?? (IReadOnlyList<string>)System.Array.Empty<string>(),
                    ReferenceImagesDurationParameter = references?.DurationParameter,
                    ReferenceImagesMaxDuration = references?.MaxDuration,
                });
            }

            return specs;
        }

        /// <summary>The two scopes a parameter's names are claimed in: the namespace (its enum) and its class (its property).</summary>
        private readonly struct Scopes
        {
            public Scopes(NameScope types, NameScope members)
            {
                Types = types;
                Members = members;
            }

            public NameScope Types { get; }

            public NameScope Members { get; }
        }

        private static Dictionary<string, string> AssignClassNames(List<CatalogEntry> entries, NameScope types, List<SnapshotProblem> problems)
        {
            var names = new Dictionary<string, string>();
            foreach (var group in entries.GroupBy(e => ClassNames.ClassName(e.Id, withProvider: false)))
            {
                var members = group.ToList();
                if (members.Count == 1)
                {
                    names[members[0].Id] = group.Key;
                    continue;
                }

                foreach (var member in members)
                {
                    names[member.Id] = ClassNames.ClassName(member.Id, withProvider: true);
                }

                problems.Add(SnapshotProblem.Create(
                    SnapshotProblemKind.NameCollision,
                    members[1].Span,
                    string.Join(", ", members.Select(m => $"'{m.Id}'")),
                    group.Key,
                    string.Join(", ", members.Select(m => names[m.Id]))));
            }

            // Still taken (case-only differences, a runtime type, a registry member, or two provider parts alike): number it.
            var registry = new NameScope(RegistryNames);
            foreach (var entry in entries)
            {
                var wanted = names[entry.Id];
                var unique = types.Claim(wanted, "Request");
                while (registry.IsTaken(unique.Substring(0, unique.Length - "Request".Length)))
                {
                    unique = types.Claim(unique, "Request");
                }

                registry.Reserve(unique.Substring(0, unique.Length - "Request".Length));
                names[entry.Id] = unique;
                if (unique != wanted)
                {
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.NameTaken, entry.Span, "class name", wanted, entry.Id, "namespace Opper.Typed", unique));
                }
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

        private static VideoParameterSpec? BuildParameter(DialectParameter parameter, CatalogEntry entry, string typeName, Scopes scopes, List<SnapshotProblem> problems)
        {
            var propertyName = Claim(scopes.Members, ClassNames.PropertyName(parameter.Name), "property", entry, $"class {typeName}Request", problems);
            var minimum = parameter.Minimum;
            var maximum = parameter.Maximum;
            List<JsonValue>? explicitValues = parameter.Values;
            List<string>? stringValues = null;

            switch (parameter.Source)
            {
                case "aspect_ratios":
                    stringValues = entry.AspectRatios;
                    break;
                case "resolutions":
                    stringValues = entry.Resolutions;
                    break;
                case "size":
                    stringValues = entry.Resolutions.SelectMany(r => entry.AspectRatios.Select(a => Size(parameter, r, a))).Where(s => s is not null).Select(s => s!).Distinct().ToList();
                    break;
                case "max_duration":
                    maximum = entry.MaxDuration ?? maximum;
                    minimum = minimum ?? 1;
                    break;
            }

            var values = explicitValues is not null
                ? explicitValues.Select(v => (Value: v.Text!, IsString: v.Kind == JsonKind.String)).ToList()
                : stringValues?.Select(v => (Value: v, IsString: true)).ToList();

            if (parameter.Source is not null && parameter.Source != "max_duration" && (values is null || values.Count == 0))
            {
                // The catalog does not list values for this model: it does not advertise the parameter, so it is not offered.
                return null;
            }

            var enumName = values is null ? null : Claim(scopes.Types, typeName + propertyName, "enum name", entry, "namespace Opper.Typed", problems);
            var allowed = new List<VideoParameterValue>();
            foreach (var (value, isString) in values ?? Enumerable.Empty<(string, bool)>())
            {
                var memberName = ClassNames.EnumMemberName(value, propertyName);
                var number = isString ? null : JsonValueNumber(value);
                var fitsType = isString || (number is { } n && (parameter.Type != VideoParameterType.Integer || (n == System.Math.Floor(n) && System.Math.Abs(n) < 9e15)));
                if (memberName is null || memberName == enumName || HasMember(allowed, memberName) || !fitsType)
                {
                    var shown = isString ? Rules.JsonLiteral.Quote(value) : value;
                    problems.Add(SnapshotProblem.Create(SnapshotProblemKind.ValueNotIdentifier, entry.Span, shown, parameter.Name, entry.Id, enumName!));
                    continue;
                }

                allowed.Add(isString ? VideoParameterValue.FromString(value, memberName) : VideoParameterValue.FromNumber(number!.Value, memberName));
            }

            return new VideoParameterSpec
            {
                Name = parameter.Name,
                PropertyName = propertyName,
                Type = parameter.Type,
                EnumTypeName = enumName,
                AllowedValues = allowed,
                Minimum = minimum,
                Maximum = maximum,
                Description = parameter.Description,
            };
        }

        /// <summary>The name, or a free one in the scope with a problem saying why it changed.</summary>
        private static string Claim(NameScope scope, string wanted, string what, CatalogEntry entry, string where, List<SnapshotProblem> problems)
        {
            var unique = scope.Claim(wanted);
            if (unique != wanted)
            {
                problems.Add(SnapshotProblem.Create(SnapshotProblemKind.NameTaken, entry.Span, what, wanted, entry.Id, where, unique));
            }

            return unique;
        }

        private static bool HasMember(List<VideoParameterValue> values, string memberName)
        {
            foreach (var value in values)
            {
                if (value.MemberName == memberName)
                {
                    return true;
                }
            }

            return false;
        }

        private static double? JsonValueNumber(string text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n) && !double.IsInfinity(n) ? n : (double?)null;

        /// <summary>WIDTHxHEIGHT for a resolution and aspect ratio: the dialect's table first, else the resolution is the short side.</summary>
        private static string? Size(DialectParameter parameter, string resolution, string aspect) =>
            parameter.SizeTable.TryGetValue(resolution + " " + aspect, out var size) ? size : VideoFrameSize.FromResolutionAndAspect(resolution, aspect);
    }
}
