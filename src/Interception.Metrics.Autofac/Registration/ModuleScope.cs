namespace Interception.Metrics.Registration;

/// <summary>
/// Marks, in a container builder's properties, the <see cref="MetricsModule"/> that owns that container (or lifetime
/// scope) and the attacher it times components with. A second module in the same builder finds the mark and stands
/// down; a child scope's builder sees its parent's mark until a module of its own replaces it, so every component is
/// timed by exactly one module: the nearest one.
/// </summary>
internal sealed class ModuleScope(MetricsModule module, IDictionary<string, object?> properties, InterceptionAttacher attacher)
{
    private const string PropertyKey = "Interception.Metrics.Module";

    public MetricsModule Module { get; } = module;

    public InterceptionAttacher Attacher { get; } = attacher;

    /// <summary>The module scope visible from <paramref name="properties"/>: its own, or (in a child scope) its parent's.</summary>
    public static ModuleScope? In(IDictionary<string, object?> properties) =>
        properties.TryGetValue(PropertyKey, out var value) ? value as ModuleScope : null;

    /// <summary>Marks the builder properties this scope was created with as owned by it.</summary>
    public void Claim() => properties[PropertyKey] = this;

    /// <summary>Whether this scope was claimed in <paramref name="builderProperties"/> itself rather than inherited from a parent scope.</summary>
    public bool IsOwnerOf(IDictionary<string, object?> builderProperties) => ReferenceEquals(properties, builderProperties);
}
