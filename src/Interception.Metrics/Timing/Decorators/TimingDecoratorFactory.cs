using System.ComponentModel;
using System.Reflection;

namespace Interception.Metrics.Timing.Decorators;

/// <summary>
/// Creates the source-generated timing decorator of one implementation type. The Interception.Metrics source
/// generator writes one per class with timed methods reachable through its interfaces, and names it in a
/// <see cref="GeneratedTimingDecoratorAttribute"/> of the class's assembly; the Autofac integration uses it in place of
/// a Castle proxy.
/// </summary>
/// <remarks>Infrastructure for generated code; not meant to be used or derived from directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TimingDecoratorFactory
{
    /// <summary>The implementation type the decorator wraps.</summary>
    public abstract Type ImplementationType { get; }

    /// <summary>The interface methods the decorator may time, by slot: <see cref="Create"/> receives their plans in this order.</summary>
    /// <returns>A new array, read once per container.</returns>
    public abstract MethodInfo[] Methods();

    /// <summary>Creates the decorator of <paramref name="target"/>.</summary>
    /// <param name="target">An instance of <see cref="ImplementationType"/>.</param>
    /// <param name="timers">The plans of <see cref="Methods"/>, by slot; shared by every decorator of one registration.</param>
    /// <returns>The decorator, which implements every interface of <see cref="ImplementationType"/> it can stand in for.</returns>
    public abstract object Create(object target, TimerSlots timers);

    /// <summary>The decorator's type, to check once which services it can stand in for.</summary>
    public abstract Type DecoratorType { get; }

    /// <summary>The instance method <paramref name="name"/> of <paramref name="declaringType"/> with exactly these parameters.</summary>
    /// <param name="declaringType">The interface declaring it.</param>
    /// <param name="name">Its name.</param>
    /// <param name="genericParameterCount">How many type parameters it has.</param>
    /// <param name="parameterTypes">Its parameter types (by-reference types for <c>ref</c>, <c>in</c> and <c>out</c>).</param>
    /// <returns>The method.</returns>
    /// <exception cref="MissingMethodException">The type has no such method (the decorator is out of step with it).</exception>
    protected static MethodInfo Method(Type declaringType, string name, int genericParameterCount, Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        return declaringType.GetMethod(
                name, genericParameterCount, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, parameterTypes, null)
            ?? throw new MissingMethodException(declaringType.FullName, name);
    }
}
