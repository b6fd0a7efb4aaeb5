using System;
using System.Collections.Generic;
using Opper.Typed.Core.Media;
using Opper.Typed.Core.Snapshot.Json;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>Reads <c>video-parameters.json</c>, the curated layer the catalog lacks.</summary>
    internal static class DialectParser
    {
        private static readonly HashSet<string> Sources = new HashSet<string> { "aspect_ratios", "resolutions", "size", "max_duration" };

        /// <summary>The dialects, or null when the file is unusable (the diagnostics say why).</summary>
        public static DialectSet? Parse(SnapshotText file, List<SnapshotProblem> problems)
        {
            var lines = new LineMap(file.Path, file.Text);
            var root = JsonFile.Read(file, lines, SnapshotProblemKind.ParametersInvalid, problems);
            if (root is null)
            {
                return null;
            }

            try
            {
                return new DialectReader(lines, problems).Read(root);
            }
            catch (DialectException exception)
            {
                problems.Add(SnapshotProblem.Create(SnapshotProblemKind.ParametersInvalid, lines.Span(exception.At.Start, exception.At.End), file.Path, exception.Message));
                return null;
            }
        }

        /// <summary>One read of the file: errors throw (the file is unusable), duplicates are reported and the first kept.</summary>
        private sealed class DialectReader
        {
            private readonly LineMap _lines;
            private readonly List<SnapshotProblem> _problems;

            public DialectReader(LineMap lines, List<SnapshotProblem> problems)
            {
                _lines = lines;
                _problems = problems;
            }

            public DialectSet Read(JsonValue root) => DialectParser.Read(root, this);

            /// <summary>Adds the key to <paramref name="seen"/> when it is new; else reports the duplicate. True for the first.</summary>
            public bool IsFirst<T>(ICollection<T> seen, T key, string what, string where, JsonValue at)
            {
                if (!seen.Contains(key))
                {
                    seen.Add(key);
                    return true;
                }

                _problems.Add(SnapshotProblem.Create(SnapshotProblemKind.DuplicateEntry, _lines.Span(at.Start, at.End), what, where));
                return false;
            }
        }

        private static DialectSet Read(JsonValue root, DialectReader reader)
        {
            var set = new DialectSet();
            var providers = Require(root, "providers", JsonKind.Object);
            var providerNames = new HashSet<string>();
            foreach (var provider in providers.Members)
            {
                if (!reader.IsFirst(providerNames, provider.Key, $"Provider '{provider.Key}'", "\"providers\"", provider.Value))
                {
                    continue;
                }

                var dialect = new Dialect();
                var media = Require(provider.Value, "media", JsonKind.Object);
                foreach (var kind in Require(media, "kinds", JsonKind.Array).Items)
                {
                    var parsed = kind.AsString() is { } name ? MediaSourceClassifier.FromDialectName(name) : null;
                    if (parsed is null)
                    {
                        throw new DialectException($"media kind must be one of url, data_uri, gcs, file in provider '{provider.Key}'", kind);
                    }

                    reader.IsFirst(dialect.Media, parsed.Value, $"Media kind '{kind.Text}'", $"provider '{provider.Key}'", kind);
                }

                dialect.PublicUrlsOnly = media["public_url_only"]?.Kind == JsonKind.True;
                dialect.ImageSizeParameter = media["image_size_parameter"]?.AsString();
                dialect.Parameters.AddRange(ReadParameters(Require(provider.Value, "parameters", JsonKind.Array), $"provider '{provider.Key}'", reader));
                set.Providers[provider.Key] = dialect;
            }

            var models = root["models"];
            if (models is not null)
            {
                Expect(models, JsonKind.Object, "\"models\"");
                var modelNames = new HashSet<string>();
                foreach (var model in models.Members)
                {
                    if (!reader.IsFirst(modelNames, model.Key, $"Model '{model.Key}'", "\"models\"", model.Value))
                    {
                        continue;
                    }

                    Expect(model.Value, JsonKind.Object, $"model '{model.Key}'");
                    if (model.Value["parameters"] is { } parameters)
                    {
                        Expect(parameters, JsonKind.Array, $"\"parameters\" of model '{model.Key}'");
                        set.ModelOverrides[model.Key] = ReadParameters(parameters, $"model '{model.Key}'", reader);
                    }

                    if (model.Value["reference_images"] is { } references)
                    {
                        set.ReferenceImages[model.Key] = ReadReferenceImages(references, $"reference_images of model '{model.Key}'");
                    }
                }
            }

            return set;
        }

        private static List<DialectParameter> ReadParameters(JsonValue array, string owner, DialectReader reader)
        {
            var parameters = new List<DialectParameter>();
            var names = new HashSet<string>();
            foreach (var item in array.Items)
            {
                Expect(item, JsonKind.Object, $"a parameter of {owner}");
                var name = Require(item, "name", JsonKind.String).Text!;
                if (!reader.IsFirst(names, name, $"Parameter '{name}'", owner, item))
                {
                    continue;
                }

                var where = $"parameter '{name}' of {owner}";
                var parameter = new DialectParameter
                {
                    Name = name,
                    Type = ParseType(Require(item, "type", JsonKind.String), where),
                    Source = item["source"]?.AsString(),
                    Minimum = item["min"]?.AsNumber(),
                    Maximum = item["max"]?.AsNumber(),
                    Description = item["description"]?.AsString(),
                };

                if (parameter.Source is not null && !Sources.Contains(parameter.Source))
                {
                    throw new DialectException($"source of {where} must be one of aspect_ratios, resolutions, size, max_duration", item["source"]!);
                }

                if (item["values"] is { } values)
                {
                    Expect(values, JsonKind.Array, $"values of {where}");
                    foreach (var value in values.Items)
                    {
                        var fits = parameter.Type == VideoParameterType.String ? value.Kind == JsonKind.String : value.Kind == JsonKind.Number;
                        if (!fits || parameter.Type == VideoParameterType.Boolean)
                        {
                            throw new DialectException($"a value of {where} is not a JSON {parameter.Type.ToString().ToLowerInvariant()}", value);
                        }
                    }

                    parameter.Values = values.Items;
                }

                if (item["size_table"] is { } table)
                {
                    foreach (var entry in table.Members)
                    {
                        parameter.SizeTable[entry.Key] = entry.Value.AsString() ?? throw new DialectException($"size_table entries of {where} must be strings", entry.Value);
                    }
                }

                parameters.Add(parameter);
            }

            return parameters;
        }

        private static DialectReferenceImages ReadReferenceImages(JsonValue entry, string where)
        {
            Expect(entry, JsonKind.Object, where);
            var max = Require(entry, "max", JsonKind.Number);
            var references = new DialectReferenceImages
            {
                Max = max.AsNumber() is { } n && n >= 1 && n == Math.Floor(n) && n <= int.MaxValue ? (int)n : throw new DialectException($"max of {where} must be a whole number of at least 1", max),
                DurationParameter = entry["duration_parameter"]?.AsString(),
                MaxDuration = entry["max_duration"]?.AsNumber(),
            };

            if ((references.MaxDuration is null) != (references.DurationParameter is null))
            {
                throw new DialectException($"duration_parameter and max_duration of {where} go together", entry);
            }

            if (entry["not_with"] is { } notWith)
            {
                Expect(notWith, JsonKind.Array, $"not_with of {where}");
                foreach (var input in notWith.Items)
                {
                    references.NotWith.Add(input.AsString() is "image" or "video" ? input.Text! : throw new DialectException($"not_with of {where} lists image or video", input));
                }
            }

            return references;
        }

        private static VideoParameterType ParseType(JsonValue value, string where)
        {
            switch (value.Text)
            {
                case "string": return VideoParameterType.String;
                case "number": return VideoParameterType.Number;
                case "integer": return VideoParameterType.Integer;
                case "boolean": return VideoParameterType.Boolean;
                default: throw new DialectException($"type of {where} must be string, number, integer or boolean", value);
            }
        }

        private static JsonValue Require(JsonValue parent, string name, JsonKind kind)
        {
            var value = parent[name] ?? throw new DialectException($"missing \"{name}\"", parent);
            Expect(value, kind, $"\"{name}\"");
            return value;
        }

        private static void Expect(JsonValue value, JsonKind kind, string what)
        {
            if (value.Kind != kind)
            {
                throw new DialectException($"{what} must be a JSON {kind.ToString().ToLowerInvariant()}", value);
            }
        }

        private sealed class DialectException : Exception
        {
            public DialectException(string message, JsonValue at)
                : base(message)
            {
                At = at;
            }

            public JsonValue At { get; }
        }
    }
}
