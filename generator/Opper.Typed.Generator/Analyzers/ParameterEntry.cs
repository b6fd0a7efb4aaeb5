using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Opper.Typed.Core.Rules;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// One parameter written into a dictionary: <c>["key"] = value</c> (indexer) or <c>Add("key", value)</c>, in an
    /// initializer or as a statement. The key must be a constant; the value is read when it is one.
    /// </summary>
    internal sealed class ParameterEntry
    {
        private ParameterEntry(string key, JsonLiteral? value, Location keyLocation, Location valueLocation)
        {
            Key = key;
            Value = value;
            KeyLocation = keyLocation;
            ValueLocation = valueLocation;
        }

        public string Key { get; }

        public JsonLiteral? Value { get; }

        public Location KeyLocation { get; }

        public Location ValueLocation { get; }

        /// <summary>The dictionary the entry writes into (the indexer's or Add's instance), or null in an initializer.</summary>
        public static IOperation? Target(IOperation entry) => entry switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } => indexer.Instance,
            IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add => add.Instance,
            _ => null,
        };

        public static ParameterEntry? Read(IOperation entry, ValueResolver? resolver = null)
        {
            IOperation key;
            IOperation value;
            switch (entry)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment:
                    key = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add:
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    break;
                default:
                    return null;
            }

            if ((resolver is null ? Constant(key) : resolver.Resolve(key)) is not string name)
            {
                return null;
            }

            var unwrapped = RequestSiteReader.Unwrap(value);
            var constant = resolver is null ? Constant(unwrapped) : resolver.Resolve(unwrapped);
            var literal = constant is Unknown ? null : RequestSiteReader.Literal(constant);
            return new ParameterEntry(name, literal, key.Syntax.GetLocation(), unwrapped.Syntax.GetLocation());
        }

        private static object? Constant(IOperation operation) =>
            RequestSiteReader.Unwrap(operation).ConstantValue is { HasValue: true } constant ? constant.Value : Unknown.Value;

        /// <summary>The marker for "not a constant" (null is a constant: JSON null).</summary>
        internal sealed class Unknown
        {
            public static readonly Unknown Value = new Unknown();

            private Unknown()
            {
            }
        }
    }
}
