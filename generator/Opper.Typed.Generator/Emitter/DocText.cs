using System.Globalization;
using System.Linq;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>What the IDE tooltip says of a model and its parameters, built from the catalog.</summary>
    internal static class DocText
    {
        public static string Escape(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

        public static string Code(string text) => "<c>" + Escape(text) + "</c>";

        public static string Media(ModelSpec model)
        {
            var kinds = model.AcceptedMedia.Select(kind => kind switch
            {
                "url" => model.PublicUrlsOnly ? "a public http(s) URL the provider can fetch" : "an http(s) URL",
                "data_uri" => "a base64 data-URI",
                _ => "a gs:// URI",
            });
            return string.Join(" or ", kinds);
        }

        public static string Values(ParameterSpec parameter)
        {
            if (parameter.Members.Count > 0)
            {
                return "Accepted: " + string.Join(", ", parameter.Members.Select(m => Code(m.WireText))) + ".";
            }

            if (parameter.Minimum is not null || parameter.Maximum is not null)
            {
                return $"Accepted: {Number(parameter.Minimum) ?? "any"} to {Number(parameter.Maximum) ?? "any"}.";
            }

            return "";
        }

        public static string JsonType(WireType type) => type switch
        {
            WireType.String => "a JSON string",
            WireType.Boolean => "a JSON boolean",
            WireType.Integer => "a JSON integer",
            _ => "a JSON number",
        };

        public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

        public static string ModelRemarks(ModelSpec model)
        {
            var parts = new System.Collections.Generic.List<string> { $"Provider {Code(model.Provider)}; capabilities: {string.Join(", ", model.Capabilities.Select(Code))}." };
            if (model.MaxDuration is { } max)
            {
                parts.Add($"Longest clip: {Number(max)} s.");
            }

            if (model.PricePerSecond is { } perSecond)
            {
                parts.Add($"Price: ${perSecond} per second.");
            }
            else if (model.PricePerGeneration is { } perGeneration)
            {
                parts.Add($"Price: ${perGeneration} per generation.");
            }

            return string.Join(" ", parts);
        }
    }
}
