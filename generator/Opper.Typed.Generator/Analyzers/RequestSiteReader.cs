using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// Reads what a request says in values it can prove (see <see cref="ValueResolver"/>) into neutral facts: the
    /// creation's model id, media inputs and parameters, and the <c>Parameters</c> / <c>AdditionalParameters</c>
    /// statements on the local it is assigned to. Anything it cannot prove is left alone.
    /// </summary>
    internal static class RequestSiteReader
    {
        /// <summary>A typed request's <c>with</c> expression: what its initializer sets is judged like a creation's.</summary>
        public static RequestSite? Read(IWithOperation with, KnownSymbols symbols, IVideoModelCatalog catalog)
        {
            if (with.Type is not INamedTypeSymbol type || TypedModelId(type, symbols) is not { } modelId)
            {
                return null;
            }

            var model = catalog.TryGet(modelId, out var found) ? found : null;
            var site = new RequestSite(with, new RequestFacts(modelId, model, typed: true, catalog), with.Syntax.GetLocation());
            ReadInitializer(site, with.Initializer, symbols, new ValueResolver(with));
            return site;
        }

        public static RequestSite? Read(IObjectCreationOperation creation, KnownSymbols symbols, IVideoModelCatalog catalog)
        {
            if (creation.Type is not INamedTypeSymbol type)
            {
                return null;
            }

            // Most object creations are not requests: decide that before allocating anything for this one.
            var untyped = SymbolEqualityComparer.Default.Equals(type, symbols.VideoRequest);
            var typedModelId = untyped ? null : TypedModelId(type, symbols);
            if (!untyped && typedModelId is null)
            {
                return null;
            }

            RequestSite site;
            var resolver = new ValueResolver(creation);
            if (untyped)
            {
                var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
                var modelId = argument is null ? null : resolver.Resolve(argument) as string;
                var model = modelId is not null && catalog.TryGet(modelId, out var found) ? found : null;
                site = new RequestSite(creation, new RequestFacts(modelId, model, typed: false, catalog), argument?.Syntax.GetLocation() ?? creation.Syntax.GetLocation());
            }
            else
            {
                var model = catalog.TryGet(typedModelId!, out var found) ? found : null;
                site = new RequestSite(creation, new RequestFacts(typedModelId, model, typed: true, catalog), creation.Syntax.GetLocation());
            }

            ReadInitializer(site, creation.Initializer, symbols, resolver);
            ReadStatements(site, resolver);
            return site;
        }

        /// <summary>
        /// The model id of a generated typed request class (its <c>ModelId</c> constant); null, without allocating, for every
        /// other type. Generated class names always end in <c>Request</c>, and that is checked first: the interface list
        /// of a type such as <c>Dictionary&lt;string, int&gt;</c> is built on first use in each compilation, which cost
        /// more than reading every request of a 500-site project.
        /// </summary>
        private static string? TypedModelId(INamedTypeSymbol type, KnownSymbols symbols)
        {
            if (type.TypeKind != TypeKind.Class
                || !type.Name.EndsWith("Request", StringComparison.Ordinal)
                || type.AllInterfaces.IndexOf(symbols.VideoRequestInterface, 0, SymbolEqualityComparer.Default) < 0)
            {
                return null;
            }

            foreach (var member in type.GetMembers("ModelId"))
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: string modelId })
                {
                    return modelId;
                }
            }

            return null;
        }

        private static void ReadInitializer(RequestSite site, IObjectOrCollectionInitializerOperation? initializer, KnownSymbols symbols, ValueResolver resolver)
        {
            foreach (var member in initializer?.Initializers ?? Enumerable.Empty<IOperation>())
            {
                switch (member)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                        ReadProperty(site, property.Property.Name, assignment.Value, symbols, resolver);
                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: var name }, Initializer: { } entries } when name == ParametersProperty(site):
                        foreach (var entry in entries.Initializers)
                        {
                            AddEntry(site, entry, resolver);
                        }

                        break;
                    case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property.Name: "ReferenceImages" }, Initializer: { } images }:
                        var index = 0;
                        foreach (var add in images.Initializers.OfType<IInvocationOperation>())
                        {
                            if (add.Arguments.FirstOrDefault()?.Value is { } image && Media($"reference_images[{index}]", image, symbols, resolver) is { } media)
                            {
                                site.AddMedia(media, image.Syntax.GetLocation());
                            }

                            index++;
                        }

                        break;
                }
            }
        }

        /// <summary>The dictionary an untyped request's parameters go in, or a typed request's escape hatch.</summary>
        private static string ParametersProperty(RequestSite site) => site.Facts.Typed ? "AdditionalParameters" : "Parameters";

        private static void AddEntry(RequestSite site, IOperation entry, ValueResolver resolver)
        {
            if (ParameterEntry.Read(entry, resolver) is { } parameter)
            {
                site.AddParameter(new ParameterFact(parameter.Key, parameter.Value, additional: site.Facts.Typed), parameter.KeyLocation, parameter.ValueLocation);
            }
        }

        /// <summary>
        /// <c>request.Parameters["k"] = v;</c> and <c>request.Parameters.Add("k", v);</c> after <c>var request = new …</c> in
        /// the same body: followed only while the local provably holds this request (written once, by its declaration).
        /// </summary>
        private static void ReadStatements(RequestSite site, ValueResolver resolver)
        {
            if (site.Creation.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { IsRef: false } local } })
            {
                return;
            }

            var entries = new System.Collections.Generic.List<IOperation>();
            foreach (var operation in resolver.Body.Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && ValueResolver.IsWrite(reference))
                {
                    return; // reassigned somewhere: the statements may be about another request.
                }

                if (ParameterEntry.Target(operation) is IPropertyReferenceOperation { Property.Name: var name, Instance: ILocalReferenceOperation owner }
                    && name == ParametersProperty(site) && SymbolEqualityComparer.Default.Equals(owner.Local, local))
                {
                    entries.Add(operation);
                }
            }

            foreach (var entry in entries)
            {
                AddEntry(site, entry, resolver);
            }
        }

        private static void ReadProperty(RequestSite site, string name, IOperation value, KnownSymbols symbols, ValueResolver resolver)
        {
            if (name == "Image" || name == "Video")
            {
                if (Media(name.ToLowerInvariant(), value, symbols, resolver) is { } media)
                {
                    site.AddMedia(media, value.Syntax.GetLocation());
                }

                return;
            }

            // A typed property: its wire key is the spec's, its value the enum member's wire value or the constant itself.
            var spec = site.Facts.Model?.Parameters.FirstOrDefault(p => p.PropertyName == name);
            var constant = Unwrap(value);
            if (!site.Facts.Typed || spec is null)
            {
                return;
            }

            var location = value.Syntax.GetLocation();
            if (EnumValue(value) is { } enumValue)
            {
                // An enum property is judged by the member it holds, not by its underlying number: (Veo…DurationSeconds)1
                // is DurationSeconds6 and sends 6; a number no member has is what the generated class refuses at run time.
                var member = enumValue.Type!.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, enumValue.ConstantValue.Value));
                var fact = member is not null
                    ? spec.AllowedValues.FirstOrDefault(v => v.MemberName == member.Name) is { } allowed ? new ParameterFact(spec.Name, allowed.Literal) : (ParameterFact?)null
                    : new ParameterFact(spec.Name, null, undefinedMember: Convert.ToString(enumValue.ConstantValue.Value, CultureInfo.InvariantCulture));
                if (fact is { } known)
                {
                    site.AddParameter(known, location, location);
                }

                return;
            }

            if (resolver.Resolve(constant) is { } resolved && resolved is not ParameterEntry.Unknown && Literal(resolved) is { } literal) // else: not sent
            {
                site.AddParameter(new ParameterFact(spec.Name, literal), location, location);
            }
        }

        /// <summary>
        /// The outermost constant of enum type in a property's value (through the implicit conversion to the nullable
        /// property): a member, or a cast such as <c>(Sora2Seconds)4</c>. Null for a value that is no constant.
        /// </summary>
        private static IOperation? EnumValue(IOperation value)
        {
            for (var operation = value; operation is not null; operation = (operation as IConversionOperation)?.Operand)
            {
                if (operation.Type is { TypeKind: TypeKind.Enum } && operation.ConstantValue.HasValue)
                {
                    return operation;
                }
            }

            return null;
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

        /// <summary>
        /// A media input it can judge: a constant string converted to MediaInput, <c>MediaInput.FromUrl/FromDataUri/FromGcs/FromFileId("…")</c>,
        /// or local bytes (<c>FromFile</c>, <c>FromBytes</c>), which the client uploads where the provider takes no data-URI.
        /// </summary>
        private static MediaFact? Media(string field, IOperation value, KnownSymbols symbols, ValueResolver resolver)
        {
            var operation = Unwrap(value);
            if (resolver.Resolve(operation) is string text)
            {
                return new MediaFact(field, text);
            }

            if (operation is not IInvocationOperation invocation || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.MediaInput))
            {
                return null;
            }

            switch (invocation.TargetMethod.Name)
            {
                case "FromFile":
                case "FromBytes":
                    return new MediaFact(field, MediaFact.LocalBytes, uploadable: true);
                case "FromUrl":
                case "FromDataUri":
                case "FromGcs":
                case "FromFileId":
                    return invocation.Arguments.FirstOrDefault()?.Value is { } first && resolver.Resolve(first) is string argument ? new MediaFact(field, argument) : null;
                default:
                    return null;
            }
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
