using System.Globalization;
using System.Linq;
using System.Text;
using Opper.Typed.Core.Naming;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Emitter
{
    /// <summary>What the IDE tooltip says of a model and its parameters, built from the catalog.</summary>
    internal static class DocText
    {
        /// <summary>Catalog text made safe inside a <c>///</c> comment: XML-escaped, and every character C# treats as a line end, or that is a control character, becomes a space.</summary>
        public static string Escape(string text)
        {
            if (!NeedsEscaping(text))
            {
                return text; // almost every catalog text: no copy
            }

            var builder = new StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        builder.Append(char.IsControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
                        break;
                }
            }

            return builder.ToString();
        }

        private static bool NeedsEscaping(string text)
        {
            foreach (var c in text)
            {
                if (c == '&' || c == '<' || c == '>' || char.IsControl(c) || c == '\u2028' || c == '\u2029')
                {
                    return true;
                }
            }

            return false;
        }

        public static string Code(string text) => "<c>" + Escape(text) + "</c>";

        public static string Media(VideoModelSpec model) => MediaWording.Accepted(model);

        /// <summary>"At most 7; not combined with Image or Video; with them the clip is at most 10 seconds (duration).", from the spec.</summary>
        public static string ReferenceImageLimits(VideoModelSpec model)
        {
            var text = $"At most {model.MaxReferenceImages}";
            if (model.ReferenceImagesNotWith.Count > 0)
            {
                text += "; not combined with " + string.Join(" or ", model.ReferenceImagesNotWith.Select(ClassNames.PropertyName));
            }

            if (model.ReferenceImagesMaxDuration is { } seconds)
            {
                text += $"; with them the clip is at most {Number(seconds)} seconds ({Code(model.ReferenceImagesDurationParameter!)})";
            }

            return text + ".";
        }

        public static string Values(VideoParameterSpec parameter)
        {
            if (parameter.AllowedValues.Count > 0)
            {
                return "Accepted: " + string.Join(", ", parameter.AllowedValues.Select(m => Code(m.JsonText))) + ".";
            }

            if (parameter.Minimum is not null || parameter.Maximum is not null)
            {
                return $"Accepted: {Number(parameter.Minimum) ?? "any"} to {Number(parameter.Maximum) ?? "any"}.";
            }

            return "";
        }

        public static string JsonType(VideoParameterType type) => "a JSON " + WrongJsonTypeRule.TypeName(type);

        public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

        public static string Summary(VideoModelSpec model) => $"A request for {Escape(model.DisplayName)} ({Code(model.Id)}){DescriptionSuffix(model)}";

        /// <summary>": " and the description, or "." when there is none: how a summary naming the model ends.</summary>
        public static string DescriptionSuffix(VideoModelSpec model) => model.Description.Length > 0 ? ": " + Escape(model.Description) : ".";

        public static string ModelRemarks(VideoModelSpec model)
        {
            var parts = new System.Collections.Generic.List<string> { $"Provider {Code(model.Provider)}; capabilities: {string.Join(", ", model.Capabilities.Select(Code))}." };
            if (model.MaxDuration is { } max)
            {
                parts.Add($"Longest clip: {Number(max)} s.");
            }

            if (model.PricePerSecond is { } perSecond)
            {
                parts.Add($"Price: ${Number(perSecond)} per second.");
            }
            else if (model.PricePerGeneration is { } perGeneration)
            {
                parts.Add($"Price: ${Number(perGeneration)} per generation.");
            }

            return string.Join(" ", parts);
        }
    }
}
