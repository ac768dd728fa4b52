using System.Runtime.CompilerServices;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>
/// Implements <see cref="IShapes"/>, answers <see cref="ToString"/> with its own text and treats every
/// <see cref="Shapes"/> as equal, so that tests can tell what a proxy forwards.
/// </summary>
public sealed class Shapes : IShapes
{
    private int _slot = 41;

    public int Count() => 3;

    public int Sum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    public ref int Slot() => ref _slot;

    public DeferredTask Deferred(DeferredTask task) => task;

    public ConfiguredTaskAwaitable<int> Configured(Task<int> inner) => inner.ConfigureAwait(false);

    public override string ToString() => "shapes #7";

    public override bool Equals(object? obj) => obj is Shapes;

    public override int GetHashCode() => 7;
}
