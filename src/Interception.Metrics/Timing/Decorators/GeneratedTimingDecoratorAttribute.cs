using System.ComponentModel;

namespace Interception.Metrics.Timing.Decorators;

/// <summary>
/// Names, in an assembly, the <see cref="TimingDecoratorFactory"/> the source generator wrote for one of its classes.
/// </summary>
/// <remarks>Infrastructure for generated code; not meant to be used directly.</remarks>
/// <param name="factoryType">A <see cref="TimingDecoratorFactory"/> with a public parameterless constructor.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class GeneratedTimingDecoratorAttribute(Type factoryType) : Attribute
{
    /// <summary>The factory type.</summary>
    public Type FactoryType { get; } = factoryType;
}
