using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>Reads what a request creation says in constants (model id, media inputs, parameters) into neutral facts. Anything not constant is left alone.</summary>
    internal static class RequestSiteReader
    {
        public static RequestSite? Read(IObjectCreationOperation creation, KnownSymbols symbols, IVideoModelCatalog catalog)
        {
            if (creation.Type is not INamedTypeSymbol type)
            {
                return null;
            }

            RequestSite site;
            if (SymbolEqualityComparer.Default.Equals(type, symbols.VideoRequest))
            {
                var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
                var modelId = argument?.ConstantValue.HasValue == true ? argument.ConstantValue.Value as string : null;
                var model = modelId is not null && catalog.TryGet(modelId, out var found) ? found : null;
                site = new RequestSite(creation, new RequestFacts(modelId, model, typed: false, catalog), argument?.Syntax.GetLocation() ?? creation.Syntax.GetLocation());
            }
            else if (type.GetMembers("ModelId").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: string modelId }
                     && type.AllInterfaces.Contains(symbols.VideoRequestInterface, SymbolEqualityComparer.Default))
            {
                var model = catalog.TryGet(modelId, out var found) ? found : null;
                site = new RequestSite(creation, new RequestFacts(modelId, model, typed: true, catalog), creation.Syntax.GetLocation());
            }
            else
            {
                return null;
            }

            foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
            {
                switch (initializer)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                        ReadProperty(site, property.Property.Name, assignment.Value, symbols);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Parameters" }, Initializer: { } entries } when !site.Facts.Typed:
                        ReadParameters(site, entries);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ReferenceImages" }, Initializer: { } images } when !site.Facts.Typed:
                        var index = 0;
                        foreach (var add in images.Initializers.OfType<IInvocationOperation>())
                        {
                            if (add.Arguments.FirstOrDefault()?.Value is { } image && MediaString(image, symbols) is { } value)
                            {
                                site.AddMedia(new MediaFact($"reference_images[{index}]", value), image.Syntax.GetLocation());
                            }

                            index++;
                        }

                        break;
                }
            }

            return site;
        }

        private static void ReadProperty(RequestSite site, string name, IOperation value, KnownSymbols symbols)
        {
            if (name == "Image" || name == "Video")
            {
                if (MediaString(value, symbols) is { } media)
                {
                    site.AddMedia(new MediaFact(name.ToLowerInvariant(), media), value.Syntax.GetLocation());
                }

                return;
            }

            // A typed property: its wire key is the spec's, its value the enum member's wire value or the constant itself.
            var spec = site.Facts.Model?.Parameters.FirstOrDefault(p => p.PropertyName == name);
            var constant = Unwrap(value);
            if (!site.Facts.Typed || spec is null || !constant.ConstantValue.HasValue)
            {
                return;
            }

            JsonLiteral? literal = constant is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } field
                ? spec.AllowedValues.FirstOrDefault(v => v.MemberName == field.Field.Name)?.Literal
                : Literal(constant.ConstantValue.Value);
            if (literal is not null)
            {
                var location = value.Syntax.GetLocation();
                site.AddParameter(new ParameterFact(spec.Name, literal), location, location);
            }
        }

        private static void ReadParameters(RequestSite site, IObjectOrCollectionInitializerOperation entries)
        {
            foreach (var entry in entries.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (entry.Target is IPropertyReferenceOperation { Arguments.Length: 1 } indexer
                    && indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key })
                {
                    var value = Unwrap(entry.Value);
                    var literal = value.ConstantValue.HasValue ? Literal(value.ConstantValue.Value) : null;
                    site.AddParameter(new ParameterFact(key, literal), indexer.Arguments[0].Value.Syntax.GetLocation(), value.Syntax.GetLocation());
                }
            }
        }

        /// <summary>A C# constant as the JSON it becomes through <c>JsonNode</c>'s conversions; null when it has no JSON form here.</summary>
        public static JsonLiteral? Literal(object? value) => value switch
        {
            null => JsonLiteral.Null,
            string text => JsonLiteral.FromString(text),
            char c => JsonLiteral.FromString(c.ToString()),
            bool flag => JsonLiteral.FromBoolean(flag),
            double d => double.IsNaN(d) || double.IsInfinity(d) ? null : JsonLiteral.FromNumberText(d.ToString("R", CultureInfo.InvariantCulture)),
            float f => float.IsNaN(f) || float.IsInfinity(f) ? null : JsonLiteral.FromNumberText(f.ToString("R", CultureInfo.InvariantCulture)),
            IFormattable number => JsonLiteral.FromNumberText(number.ToString(null, CultureInfo.InvariantCulture)),
            _ => null,
        };

        /// <summary>A constant media string: a literal converted to MediaInput, or MediaInput.FromUrl/FromDataUri/FromGcs("…").</summary>
        private static string? MediaString(IOperation value, KnownSymbols symbols)
        {
            var operation = Unwrap(value);
            if (operation.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            if (operation is IInvocationOperation invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.MediaInput)
                && (invocation.TargetMethod.Name == "FromUrl" || invocation.TargetMethod.Name == "FromDataUri" || invocation.TargetMethod.Name == "FromGcs")
                && invocation.Arguments.FirstOrDefault()?.Value.ConstantValue is { HasValue: true, Value: string argument })
            {
                return argument;
            }

            return null;
        }

        /// <summary>Looks through implicit conversions (string → MediaInput, int → JsonNode, int → int?).</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
