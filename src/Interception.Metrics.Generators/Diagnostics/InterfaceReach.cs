using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>Which interface members a method of a class implements: the calls a proxy of those interfaces passes to it.</summary>
internal static class InterfaceReach
{
    /// <summary>The interfaces of <paramref name="type"/> one of whose members <paramref name="method"/> (or a method it overrides) implements.</summary>
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
                    && IsOrOverrides(method, implementation))
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
