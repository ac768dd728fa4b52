using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// Whether Castle's proxy assembly (DynamicProxyGenAssembly2) can implement a type: the type, each type containing
/// it and each of its type arguments must be public, or internal (or protected internal) in an assembly that grants
/// that assembly InternalsVisibleTo. A private or protected nested type is never visible to it.
/// </summary>
internal static class ProxyAccess
{
    public const string ProxyAssemblyName = "DynamicProxyGenAssembly2";

    public static bool IsAccessible(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return true;
            case IArrayTypeSymbol array:
                return IsAccessible(array.ElementType);
            case IPointerTypeSymbol pointer:
                return IsAccessible(pointer.PointedAtType);
            case INamedTypeSymbol named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    if (!IsVisible(current))
                    {
                        return false;
                    }
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!IsAccessible(argument))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Whether <paramref name="assembly"/> grants the proxy assembly InternalsVisibleTo.</summary>
    public static bool GrantsInternals(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.InternalsVisibleToAttribute"
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string friend
                && AssemblyName(friend) == ProxyAssemblyName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the only reason <paramref name="type"/> is not accessible is a missing InternalsVisibleTo.</summary>
    public static bool IsInternalOnly(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => IsInternalOnly(array.ElementType),
        IPointerTypeSymbol pointer => IsInternalOnly(pointer.PointedAtType),
        INamedTypeSymbol named => AllContaining(named, t => t.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            && named.TypeArguments.All(IsInternalOnly),
        _ => true,
    };

    private static bool IsVisible(INamedTypeSymbol type) => type.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal => GrantsInternals(type.ContainingAssembly),
        _ => false,
    };

    private static bool AllContaining(INamedTypeSymbol type, Func<INamedTypeSymbol, bool> predicate)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (!predicate(current))
            {
                return false;
            }
        }

        return true;
    }

    private static string AssemblyName(string friend)
    {
        var comma = friend.IndexOf(',');
        return (comma < 0 ? friend : friend.Substring(0, comma)).Trim();
    }
}
