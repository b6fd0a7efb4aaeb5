using System.Collections.Generic;
using Opper.Typed.Core.Snapshot.Json;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>How one provider takes its parameters and media (from video-parameters.json).</summary>
    internal sealed class Dialect
    {
        public List<MediaSourceKind> Media { get; } = new List<MediaSourceKind>();

        public bool PublicUrlsOnly { get; set; }

        /// <summary>A WIDTHxHEIGHT parameter a reference image's pixel size must equal (Sora's <c>size</c>), if any.</summary>
        public string? ImageSizeParameter { get; set; }

        public List<DialectParameter> Parameters { get; } = new List<DialectParameter>();
    }

    /// <summary>One parameter of a dialect: its wire name and JSON type, and where its accepted values come from.</summary>
    internal sealed class DialectParameter
    {
        public string Name { get; set; } = "";

        public VideoParameterType Type { get; set; }

        /// <summary>null, or the catalog field the values come from: aspect_ratios, resolutions, size, max_duration.</summary>
        public string? Source { get; set; }

        /// <summary>An explicit list of accepted values (JSON values of <see cref="Type"/>).</summary>
        public List<JsonValue>? Values { get; set; }

        public double? Minimum { get; set; }

        public double? Maximum { get; set; }

        public string? Description { get; set; }

        /// <summary>For <c>source: size</c>: "resolution aspect" → "WIDTHxHEIGHT" where the arithmetic is not the provider's.</summary>
        public Dictionary<string, string> SizeTable { get; } = new Dictionary<string, string>();
    }

    /// <summary>A model's <c>reference_images</c> entry: how many it takes, with which inputs not, and a shorter clip with them.</summary>
    internal sealed class DialectReferenceImages
    {
        public int Max { get; set; }

        /// <summary>The inputs (<c>image</c>, <c>video</c>) that cannot be combined with reference images.</summary>
        public List<string> NotWith { get; } = new List<string>();

        public string? DurationParameter { get; set; }

        public double? MaxDuration { get; set; }
    }

    /// <summary>The whole parameters file: dialects by provider, parameter overrides and reference images by model id.</summary>
    internal sealed class DialectSet
    {
        public Dictionary<string, Dialect> Providers { get; } = new Dictionary<string, Dialect>();

        public Dictionary<string, List<DialectParameter>> ModelOverrides { get; } = new Dictionary<string, List<DialectParameter>>();

        /// <summary>The models that take reference images; every other model takes none (the providers document none).</summary>
        public Dictionary<string, DialectReferenceImages> ReferenceImages { get; } = new Dictionary<string, DialectReferenceImages>();
    }
}
