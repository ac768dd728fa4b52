using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Decorators;

/// <summary>
/// What a generated decorator can stand in for without behaving differently from the Castle interceptor. A class
/// with anything else is left to Castle: generic, abstract or file-local classes, classes nested in a type the
/// generated code cannot see, interface members with by-reference returns, by-ref-like or pointer parameters,
/// <c>__arglist</c> or <c>init</c> accessors, and timed property accessors. Interfaces the generated code cannot name
/// or implement (static abstract members) are left out of the decorator, as a proxy leaves them out.
/// </summary>
internal static class DecoratorCoverage
{
    public static bool CanName(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return true;
            case IArrayTypeSymbol array:
                return CanName(array.ElementType);
            case INamedTypeSymbol named:
                if (named.IsFileLocal)
                {
                    return false;
                }

                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                    {
                        return false;
                    }
                }

                return named.TypeArguments.All(CanName);
            case IDynamicTypeSymbol:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The interfaces of <paramref name="type"/> a decorator implements: as a proxy does, all but those it cannot (one
    /// the generated code cannot name, one with static abstract members, or one deriving from such).
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> Implementable(INamedTypeSymbol type) =>
        type.AllInterfaces.Where(i => CanImplement(i) && i.AllInterfaces.All(CanImplement));

    public static bool CanDecorate(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class
        && !type.IsAbstract
        && !type.IsStatic
        && !type.IsGenericType
        && !IsInGenericType(type)
        && CanName(type);

    /// <summary>Whether a parameter or return type can travel through the decorator as it does through a proxy.</summary>
    public static bool CanCarry(ITypeSymbol type) =>
        !type.IsRefLikeType && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer) && CanName(type);

    /// <summary>Whether the decorator can forward the method at all (by-ref-like values and by-reference returns included).</summary>
    public static bool CanForward(IMethodSymbol method) =>
        !method.IsVararg
        && (method.ReturnsVoid || CanName(method.ReturnType))
        && method.Parameters.All(p => CanName(p.Type));

    /// <summary>
    /// Whether a proxy could time the method: not one with a by-ref-like or pointer parameter or return, nor a
    /// by-reference return, which a proxy forwards untimed (and so does the decorator).
    /// </summary>
    public static bool CanTime(IMethodSymbol method) =>
        !method.ReturnsByRef && !method.ReturnsByRefReadonly
        && (method.ReturnsVoid || CanCarry(method.ReturnType))
        && method.Parameters.All(p => CanCarry(p.Type));

    public static bool CanForward(IPropertySymbol property) =>
        !property.ReturnsByRef && !property.ReturnsByRefReadonly && CanCarry(property.Type)
        && property.SetMethod?.IsInitOnly != true
        && property.Parameters.All(p => CanCarry(p.Type) && p.RefKind == RefKind.None);

    private static bool CanImplement(INamedTypeSymbol @interface) =>
        CanName(@interface) && !@interface.GetMembers().Any(m => m.IsStatic && (m.IsAbstract || m.IsVirtual));

    private static bool IsInGenericType(INamedTypeSymbol type)
    {
        for (var current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }
}
