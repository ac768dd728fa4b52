using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>Which interface members a method of a class implements: the calls a proxy of those interfaces passes to it.</summary>
internal static class InterfaceReach
{
    /// <summary>
    /// The interfaces of <paramref name="type"/> one of whose members <paramref name="method"/> implements, through a
    /// method it overrides or one that overrides it: <paramref name="type"/> may be a class derived from the method's own,
    /// which inherits the method or overrides it (an override inherits the method's attributes).
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> InterfacesReaching(INamedTypeSymbol type, IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
        {
            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                yield return implemented.ContainingType;
            }

            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers())
            {
                if (member is IMethodSymbol { IsStatic: false } interfaceMethod
                    && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation
                    && (IsOrOverrides(method, implementation) || IsOrOverrides(implementation, method)))
                {
                    yield return @interface;
                    break;
                }
            }
        }
    }

    private static bool IsOrOverrides(IMethodSymbol method, IMethodSymbol implementation)
    {
        for (IMethodSymbol? current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, implementation.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
