using System.Collections.Generic;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Generator.Parser
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

        public string? PricePerSecond { get; set; }

        public string? PricePerGeneration { get; set; }

        public string? RetiredAt { get; set; }

        public string? Successor { get; set; }

        public FileSpan? Span { get; set; }
    }
}
