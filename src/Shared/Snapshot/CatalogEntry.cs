using System.Collections.Generic;

namespace Opper.Typed.Core.Snapshot
{
    /// <summary>One model of the catalog snapshot as read, before the dialect is applied.</summary>
    internal sealed class CatalogEntry
    {
        public string Id { get; set; } = "";

        public string Provider { get; set; } = "";

        public string Name { get; set; } = "";

        public string Description { get; set; } = "";

        public List<string> Capabilities { get; } = new List<string>();

        public List<string> AspectRatios { get; } = new List<string>();

        public List<string> Resolutions { get; } = new List<string>();

        public double? MaxDuration { get; set; }

        public double? PricePerSecond { get; set; }

        public double? PricePerGeneration { get; set; }

        public string? RetiredAt { get; set; }

        public string? Successor { get; set; }

        public FileSpan? Span { get; set; }
    }
}
