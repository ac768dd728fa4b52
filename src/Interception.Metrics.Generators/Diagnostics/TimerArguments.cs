using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>Reads a [MetricsTimer] application: its kind, its named arguments, and where each is written.</summary>
internal static class TimerArguments
{
    /// <summary>The name of the <c>MetricKind</c> member the attribute was given (<c>Function</c> by default).</summary>
    public static string Kind(AttributeData timer)
    {
        if (timer.ConstructorArguments.Length == 0)
        {
            return "Function";
        }

        var kind = timer.ConstructorArguments[0];
        if (kind.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, kind.Value))
                {
                    return field.Name;
                }
            }
        }

        return kind.Value?.ToString() ?? "Function";
    }

    /// <summary>The value of the named argument <paramref name="name"/>, when it is written.</summary>
    public static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The expression of the named argument <paramref name="name"/> in the attribute's syntax.</summary>
    public static ExpressionSyntax? NamedSyntax(AttributeSyntax? syntax, string name)
    {
        if (syntax?.ArgumentList is null)
        {
            return null;
        }

        foreach (var argument in syntax.ArgumentList.Arguments)
        {
            if (argument.NameEquals?.Name.Identifier.ValueText == name)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    /// <summary>
    /// The element expressions of an array written as a collection expression or an array creation, one per value;
    /// empty when they cannot be matched one to one with the values (a spread, a constant array).
    /// </summary>
    public static IReadOnlyList<ExpressionSyntax> Elements(ExpressionSyntax? expression, int count)
    {
        IReadOnlyList<ExpressionSyntax>? elements = expression switch
        {
            CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToArray(),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
            _ => null,
        };
        return elements is not null && elements.Count == count ? elements : [];
    }
}
