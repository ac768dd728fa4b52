using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Decorators;

/// <summary>How generated code names types: fully qualified, and as runtime <c>Type</c> expressions for method lookup.</summary>
internal static class GeneratedNames
{
    /// <summary>A type as written in a signature, nullable annotations included.</summary>
    public static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A type as written in <c>typeof</c>: no annotations, tuples as <c>ValueTuple</c>.</summary>
    private static readonly SymbolDisplayFormat TypeOf = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.ExpandValueTuple)
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Of(ITypeSymbol type) => type.ToDisplayString(Signature);

    /// <summary>An expression of type <c>System.Type</c> for <paramref name="type"/>, method type parameters included.</summary>
    public static string TypeExpression(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter:
                return $"global::System.Type.MakeGenericMethodParameter({parameter.Ordinal})";
            case IArrayTypeSymbol array when ContainsMethodTypeParameter(array):
                return array.IsSZArray
                    ? $"{TypeExpression(array.ElementType)}.MakeArrayType()"
                    : $"{TypeExpression(array.ElementType)}.MakeArrayType({array.Rank})";
            case INamedTypeSymbol { IsGenericType: true } named when ContainsMethodTypeParameter(named):
                var open = named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                    ? "global::System.Nullable<>"
                    : named.ConstructUnboundGenericType().ToDisplayString(TypeOf);
                var arguments = string.Join(", ", AllTypeArguments(named).Select(TypeExpression));
                return $"typeof({open}).MakeGenericType({arguments})";
            case IDynamicTypeSymbol:
                return "typeof(object)";
            default:
                return $"typeof({type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(TypeOf)})";
        }
    }

    /// <summary>A C# identifier for the decorator of <paramref name="type"/>, unique in the assembly.</summary>
    public static string DecoratorName(INamedTypeSymbol type)
    {
        var name = new StringBuilder();
        foreach (var c in type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty))
        {
            name.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return name.Append("_TimingDecorator").ToString();
    }

    public static bool ContainsMethodTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => true,
        IArrayTypeSymbol array => ContainsMethodTypeParameter(array.ElementType),
        INamedTypeSymbol named => AllTypeArguments(named).Any(ContainsMethodTypeParameter),
        _ => false,
    };

    // The type arguments of a nested generic type include those of the types containing it, outermost first.
    private static ITypeSymbol[] AllTypeArguments(INamedTypeSymbol type) =>
        (type.ContainingType is { } outer ? AllTypeArguments(outer) : []).Concat(type.TypeArguments).ToArray();
}
