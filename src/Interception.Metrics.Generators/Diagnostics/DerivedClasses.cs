using Microsoft.CodeAnalysis;

namespace Interception.Metrics.Generators.Diagnostics;

/// <summary>
/// The classes of one compilation that derive, directly or not, from each of its classes. Indexed once, on first use:
/// only a timed class that its own interfaces do not fully reach asks. A class of another assembly is never seen.
/// </summary>
internal sealed class DerivedClasses(IAssemblySymbol assembly)
{
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? index;

    /// <summary>The classes of the compilation that derive from <paramref name="type"/> (the definition of a generic one).</summary>
    public IReadOnlyList<INamedTypeSymbol> Of(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var built = Volatile.Read(ref index);
        if (built is null)
        {
            // Building twice on a race gives the same index: the first one published is kept.
            built = Build(cancellationToken);
            built = Interlocked.CompareExchange(ref index, built, null) ?? built;
        }

        return built.TryGetValue(type.OriginalDefinition, out var derived) ? derived : [];
    }

    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> Build(CancellationToken cancellationToken)
    {
        var built = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var namespaces = new Stack<INamespaceSymbol>();
        var types = new Stack<INamedTypeSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = namespaces.Pop();
            foreach (var member in current.GetNamespaceMembers())
            {
                namespaces.Push(member);
            }

            foreach (var type in current.GetTypeMembers())
            {
                types.Push(type);
            }

            while (types.Count > 0)
            {
                var type = types.Pop();
                foreach (var nested in type.GetTypeMembers())
                {
                    types.Push(nested);
                }

                if (type.TypeKind != TypeKind.Class)
                {
                    continue;
                }

                // A base class of another assembly cannot have one of this compilation as its own base.
                for (var @base = type.BaseType; @base is not null && SymbolEqualityComparer.Default.Equals(@base.ContainingAssembly, assembly); @base = @base.BaseType)
                {
                    if (!built.TryGetValue(@base.OriginalDefinition, out var derived))
                    {
                        built.Add(@base.OriginalDefinition, derived = []);
                    }

                    derived.Add(type);
                }
            }
        }

        return built;
    }
}
