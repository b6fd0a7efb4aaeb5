using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// One <c>new VideoRequest(…)</c>, <c>new Sora2Request(…)</c> or <c>request with { … }</c>: the neutral facts the shared rules judge, plus where in
    /// source each fact was written, so a violation can be underlined. Locating is all the analyzer adds to a rule.
    /// </summary>
    internal sealed class RequestSite
    {
        public RequestSite(IOperation creation, RequestFacts facts, Location modelLocation)
        {
            Creation = creation;
            Facts = facts;
            ModelLocation = modelLocation;
        }

        /// <summary>The <c>new …</c> or the <c>… with { … }</c> expression.</summary>
        public IOperation Creation { get; }

        public RequestFacts Facts { get; }

        public Location ModelLocation { get; }

        private List<Location> MediaLocations { get; } = new List<Location>();

        private List<(Location Key, Location Value)> ParameterLocations { get; } = new List<(Location, Location)>();

        public void AddMedia(MediaFact media, Location location)
        {
            Facts.Media.Add(media);
            MediaLocations.Add(location);
        }

        public void AddParameter(ParameterFact parameter, Location key, Location value)
        {
            Facts.Parameters.Add(parameter);
            ParameterLocations.Add((key, value));
        }

        public Location LocationOf(RuleViolation violation) => violation.Target switch
        {
            ViolationTarget.Model => ModelLocation,
            ViolationTarget.Media => MediaLocations[violation.Index],
            ViolationTarget.ParameterKey => ParameterLocations[violation.Index].Key,
            ViolationTarget.ParameterValue => ParameterLocations[violation.Index].Value,
            _ => Creation.Syntax.GetLocation(),
        };
    }
}
