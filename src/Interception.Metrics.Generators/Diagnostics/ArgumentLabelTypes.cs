using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// The parameter types a [MetricLabel] can record, as the runtime decides (<c>ArgumentLabels.IsSupported</c>):
/// string, bool, an enum, an integer type (nint, nuint, Int128 and UInt128 included), or a nullable one of these. A type
/// parameter of the containing type is judged by its constraints, since the runtime sees the closed type: one constrained
/// to <see cref="Enum"/> is always an enum (or <see cref="Enum"/> itself, which nobody closes a type with). A type parameter
/// of the method is never supported: the runtime binds the generic method's definition, where it is no type of a call.
/// </summary>
internal static class ArgumentLabelTypes
{
    public static bool IsSupported(ITypeSymbol type, KnownSymbols symbols)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is ITypeParameterSymbol parameter)
        {
            return IsConstrainedToEnum(parameter);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return true;
        }

        return type.TypeKind == TypeKind.Enum
            || (symbols.Int128 is not null && SymbolEqualityComparer.Default.Equals(type, symbols.Int128))
            || (symbols.UInt128 is not null && SymbolEqualityComparer.Default.Equals(type, symbols.UInt128));
    }

    /// <summary>Whether <paramref name="type"/> is a type parameter of a method, whatever its constraints.</summary>
    public static bool IsMethodTypeParameter(ITypeSymbol type) =>
        (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type)
            is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method };

    private static bool IsConstrainedToEnum(ITypeParameterSymbol parameter) =>
        parameter.TypeParameterKind != TypeParameterKind.Method
        && parameter.ConstraintTypes.Any(c => c.SpecialType == SpecialType.System_Enum
            || (c is ITypeParameterSymbol other && IsConstrainedToEnum(other)));
}
