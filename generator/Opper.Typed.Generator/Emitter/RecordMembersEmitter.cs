using System.Linq;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>
    /// The members that make a request class a well-behaved record: <c>with</c> copies the additional parameters instead
    /// of sharing them (and the reference images), equality compares them by content, and <c>ToString</c> stays short (an
    /// image data-URI can be megabytes).
    /// </summary>
    internal static class RecordMembersEmitter
    {
        private const string JsonNode = "global::System.Text.Json.Nodes.JsonNode";

        public static void Emit(CodeWriter w, VideoModelSpec model)
        {
            var properties = TypedClassProperties.Values(model);
            var name = model.RequestTypeName;

            w.Line();
            w.Doc("Copies a request for a <c>with</c> expression: the additional parameters are copied, never shared.");
            w.Open($"private {name}({name} original)");
            foreach (var property in properties)
            {
                w.Line($"{property} = original.{property};");
            }

            // A copy constructor runs no field initializers: the list and the dictionary are made here.
            if (model.TakesReferenceImages)
            {
                w.Line("ReferenceImages = new global::System.Collections.Generic.List<global::Opper.Typed.MediaInput>(original.ReferenceImages);");
            }


            w.Line($"AdditionalParameters = new global::System.Collections.Generic.Dictionary<string, {JsonNode}?>(original.AdditionalParameters.Count, global::System.StringComparer.Ordinal);");
            w.Open("foreach (var __pair in original.AdditionalParameters)");
            w.Line("AdditionalParameters[__pair.Key] = __pair.Value?.DeepClone();");
            w.Close();
            w.Close();

            w.Line();
            w.Doc("Whether every property and every additional parameter (by JSON content) is equal.");
            w.Line("/// <param name=\"other\">The other request.</param>");
            w.Line("/// <returns>True when equal.</returns>");
            w.Open($"public bool Equals({name}? other)");
            w.Open("if (other is null || other.AdditionalParameters.Count != AdditionalParameters.Count)");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Open("foreach (var __pair in AdditionalParameters)");
            w.Open($"if (!other.AdditionalParameters.TryGetValue(__pair.Key, out var __value) || !{JsonNode}.DeepEquals(__pair.Value, __value))");
            w.Line("return false;");
            w.Close();
            w.Close();
            w.Line();
            var comparisons = properties.Select(p => $"global::System.Collections.Generic.EqualityComparer<object?>.Default.Equals({p}, other.{p})").ToList();
            if (model.TakesReferenceImages)
            {
                comparisons.Add("global::System.Linq.Enumerable.SequenceEqual(ReferenceImages, other.ReferenceImages)");
            }

            w.Line("return " + string.Join("\n                && ", comparisons) + ";");
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc />");
            w.Open("public override int GetHashCode()");
            w.Line("var __hash = new global::System.HashCode();");
            foreach (var property in properties)
            {
                w.Line($"__hash.Add({property});");
            }

            if (model.TakesReferenceImages)
            {
                w.Line("__hash.Add(ReferenceImages.Count);");
            }

            w.Line("__hash.Add(AdditionalParameters.Count);");
            w.Line("return __hash.ToHashCode();");
            w.Close();

            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line($"public override string ToString() => {RequestEmitter.Literal(name + " " + model.Id)};");
        }
    }
}
