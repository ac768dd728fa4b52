using System.Runtime.CompilerServices;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>Signatures and return types at the edge of what an interface proxy can carry.</summary>
public interface IShapes
{
    [MetricsTimer]
    int Count();

    [MetricsTimer]
    int Sum(ReadOnlySpan<int> values);

    [MetricsTimer]
    ref int Slot();

    [MetricsTimer]
    DeferredTask Deferred(DeferredTask task);

    [MetricsTimer]
    ConfiguredTaskAwaitable<int> Configured(Task<int> inner);
}
