using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>
    /// Follows a value to the constant it provably is, and never guesses: compile-time constants (literals, <c>const</c>
    /// locals and fields, constant interpolated strings), <c>static readonly</c> fields whose initializer is a literal,
    /// and locals written exactly once, by their declaration, from such a value (no later assignment, no <c>ref</c> or
    /// <c>out</c>, no increment). Anything else is <see cref="ParameterEntry.Unknown"/>.
    /// </summary>
    internal sealed class ValueResolver
    {
        private const int MaxDepth = 4;
        private readonly IOperation _body;

        public ValueResolver(IOperation operation)
        {
            var root = operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            _body = root;
        }

        /// <summary>The whole method (or initializer) the operation stands in: where statements about a local are looked for.</summary>
        public IOperation Body => _body;

        /// <summary>The constant, or <see cref="ParameterEntry.Unknown.Value"/>.</summary>
        public object? Resolve(IOperation operation) => Resolve(operation, 0);

        private object? Resolve(IOperation operation, int depth)
        {
            operation = RequestSiteReader.Unwrap(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value;
            }

            if (depth >= MaxDepth)
            {
                return ParameterEntry.Unknown.Value;
            }

            switch (operation)
            {
                case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                    return ReadOnlyFieldValue(field);
                case ILocalReferenceOperation { Local: { IsRef: false } local }:
                    return SingleAssignmentValue(local, depth);
                case IInterpolatedStringOperation interpolated:
                    return Interpolated(interpolated, depth);
                default:
                    return ParameterEntry.Unknown.Value;
            }
        }

        /// <summary>The literal a <c>static readonly</c> field is initialized with (only a literal: anything else may compute).</summary>
        private static object? ReadOnlyFieldValue(IFieldSymbol field)
        {
            if (field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return ParameterEntry.Unknown.Value;
            }

            var negative = false;
            if (value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
            {
                negative = true;
                value = minus.Operand;
            }

            if (value is not LiteralExpressionSyntax literal)
            {
                return ParameterEntry.Unknown.Value;
            }

            var token = literal.Token.Value;
            return !negative ? token : token switch
            {
                int i => -i,
                long l => -l,
                double d => -d,
                float f => -f,
                decimal m => -m,
                _ => ParameterEntry.Unknown.Value,
            };
        }

        /// <summary>The value of a local written once, by its declaration; unknown when anything else may write it.</summary>
        private object? SingleAssignmentValue(ILocalSymbol local, int depth)
        {
            IOperation? initializer = null;
            foreach (var operation in _body.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference):
                        return ParameterEntry.Unknown.Value;
                }
            }

            return initializer is null ? ParameterEntry.Unknown.Value : Resolve(initializer, depth + 1);
        }

        /// <summary>Whether a reference may change the local: assigned, incremented, passed by ref/out, or aliased by a ref local.</summary>
        internal static bool IsWrite(IOperation reference)
        {
            var child = reference;
            var parent = reference.Parent;
            while (parent is ITupleOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IAssignmentOperation assignment => assignment.Target == child,
                IIncrementOrDecrementOperation => true,
                IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
                IVariableInitializerOperation initializer => initializer.Parent is IVariableDeclaratorOperation { Symbol.RefKind: not RefKind.None },
                IAddressOfOperation => true,
                _ => false,
            };
        }

        private object? Interpolated(IInterpolatedStringOperation interpolated, int depth)
        {
            var builder = new StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                        builder.Append(s);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole when Resolve(hole.Expression, depth + 1) is string s:
                        builder.Append(s);
                        break;
                    default:
                        return ParameterEntry.Unknown.Value;
                }
            }

            return builder.ToString();
        }
    }
}
