using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Opper.Typed.Generator.Model;

namespace Opper.Typed.Analyzers.Rules
{
    /// <summary>What the parameter rules share: finding a site's spec and reading a constant as JSON.</summary>
    internal static class ParameterFacts
    {
        /// <summary>The spec a site sets: by wire key for untyped requests, by property name for typed ones.</summary>
        public static ParameterSpec? SpecOf(RequestSite site, ParameterSite parameter) =>
            site.Model?.Parameters.FirstOrDefault(p => site.Typed ? p.PropertyName == parameter.Key : p.WireName == parameter.Key);

        /// <summary>The JSON type a constant of this CLR type is written as: string, number, boolean; null when unknown.</summary>
        public static string? JsonKindOf(SpecialType type)
        {
            switch (type)
            {
                case SpecialType.System_String: return "string";
                case SpecialType.System_Boolean: return "boolean";
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    return "number";
                default:
                    return null;
            }
        }

        public static string Expected(WireType type) => type switch
        {
            WireType.String => "string",
            WireType.Boolean => "boolean",
            _ => "number",
        };

        /// <summary>The constant as the JSON text it is sent as: <c>"4"</c> for a string, <c>4</c> for a number.</summary>
        public static string JsonText(object? value) => value switch
        {
            null => "null",
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        /// <summary>The enum member whose wire value equals the constant (numbers compared as numbers), if any.</summary>
        public static EnumMemberSpec? MemberFor(ParameterSpec spec, object value)
        {
            var text = JsonText(value);
            var number = Number(value);
            return spec.Members.FirstOrDefault(m => number is { } n
                ? double.TryParse(m.WireText, NumberStyles.Float, CultureInfo.InvariantCulture, out var allowed) && allowed == n
                : m.WireText == text);
        }

        public static double? Number(object? value) =>
            value is IConvertible convertible && !(value is string) && !(value is bool) ? convertible.ToDouble(CultureInfo.InvariantCulture) : (double?)null;
    }
}
