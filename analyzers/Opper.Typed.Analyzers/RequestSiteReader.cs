using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Analyzers.Catalog;

namespace Opper.Typed.Analyzers
{
    /// <summary>Reads the constants of a request creation: model id, media inputs, parameters. Anything not constant is left alone.</summary>
    internal static class RequestSiteReader
    {
        public static RequestSite? Read(IObjectCreationOperation creation, KnownSymbols symbols, ModelCatalog catalog)
        {
            var type = creation.Type as INamedTypeSymbol;
            if (type is null)
            {
                return null;
            }

            RequestSite site;
            if (SymbolEqualityComparer.Default.Equals(type, symbols.VideoRequest))
            {
                var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
                var modelId = argument?.ConstantValue.HasValue == true ? argument.ConstantValue.Value as string : null;
                site = new RequestSite(creation, typed: false, modelId, argument?.Syntax.GetLocation() ?? creation.Syntax.GetLocation(), modelId is null ? null : catalog.Find(modelId));
            }
            else if (type.AllInterfaces.Contains(symbols.VideoRequestInterface, SymbolEqualityComparer.Default)
                     && type.GetMembers("ModelId").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } field)
            {
                var modelId = field.ConstantValue as string;
                site = new RequestSite(creation, typed: true, modelId, creation.Syntax.GetLocation(), modelId is null ? null : catalog.Find(modelId));
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
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "Parameters" }, Initializer: { } entries } when !site.Typed:
                        ReadParameters(site, entries);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ReferenceImages" }, Initializer: { } images } when !site.Typed:
                        foreach (var add in images.Initializers.OfType<IInvocationOperation>())
                        {
                            if (add.Arguments.FirstOrDefault()?.Value is { } image && MediaString(image, symbols) is { } value)
                            {
                                site.Media.Add(new MediaSite("reference_images", value, image.Syntax.GetLocation()));
                            }
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
                    site.Media.Add(new MediaSite(name.ToLowerInvariant(), media, value.Syntax.GetLocation()));
                }

                return;
            }

            var constant = Unwrap(value);
            if (site.Typed && constant.ConstantValue.HasValue && constant.Type is { } type)
            {
                var member = constant is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } field ? field.Field.Name : null;
                site.Parameters.Add(new ParameterSite(name, value.Syntax.GetLocation(), constant.ConstantValue.Value, type.SpecialType, value.Syntax.GetLocation(), member));
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
                    var keyLocation = indexer.Arguments[0].Value.Syntax.GetLocation();
                    site.Parameters.Add(value.ConstantValue.HasValue
                        ? new ParameterSite(key, keyLocation, value.ConstantValue.Value, value.Type?.SpecialType ?? SpecialType.None, value.Syntax.GetLocation())
                        : new ParameterSite(key, keyLocation, null, SpecialType.None, value.Syntax.GetLocation()));
                }
            }
        }

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
