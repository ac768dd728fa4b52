namespace Interception.Metrics;

/// <summary>
/// Names the <see cref="MetricsBackendFactory"/> of a backend assembly, so that configuration can switch the
/// backend on: <c>[assembly: MetricsBackendFactory(typeof(MyBackendFactory))]</c>.
/// </summary>
/// <param name="factoryType">A public type deriving from <see cref="MetricsBackendFactory"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class MetricsBackendFactoryAttribute(Type factoryType) : Attribute
{
    /// <summary>The factory type.</summary>
    public Type FactoryType { get; } = factoryType;
}
