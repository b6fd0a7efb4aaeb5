using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Analyzers
{
    /// <summary>A constant media input of a request: which field, the string, where it is written.</summary>
    internal sealed record MediaSite(string Field, string Value, Location Location);

    /// <summary>A constant <c>Parameters["key"] = value</c> of an untyped request, or a constant typed property.</summary>
    internal sealed record ParameterSite(string Key, Location KeyLocation, object? Value, SpecialType ValueType, Location ValueLocation, string? EnumMember = null);

    /// <summary>What one <c>new VideoRequest(…)</c> or <c>new Sora2Request(…)</c> says in constants, gathered once for all rules.</summary>
    internal sealed class RequestSite
    {
        public RequestSite(IObjectCreationOperation creation, bool typed, string? modelId, Location modelLocation, ModelSpec? model)
        {
            Creation = creation;
            Typed = typed;
            ModelId = modelId;
            ModelLocation = modelLocation;
            Model = model;
        }

        public IObjectCreationOperation Creation { get; }

        public bool Typed { get; }

        public string? ModelId { get; }

        public Location ModelLocation { get; }

        public ModelSpec? Model { get; }

        public List<MediaSite> Media { get; } = new List<MediaSite>();

        /// <summary>Untyped: <c>Parameters</c> entries by wire key. Typed: range properties by property name.</summary>
        public List<ParameterSite> Parameters { get; } = new List<ParameterSite>();
    }
}
