using Interception.Metrics.Custom;

namespace Interception.Metrics;

/// <summary>
/// A counter declared with <see cref="MetricsFactory.CreateCounter"/>. Record on a bound child
/// (<see cref="WithLabels(ReadOnlySpan{string})"/>), or with <see cref="Inc"/> when it has no labels. Thread-safe.
/// </summary>
public sealed class CustomCounter
{
    private readonly BoundChildren<BoundCounter> _children;

    internal CustomCounter(MultiMetricsBackend backend, MetricDefinition definition)
    {
        Definition = definition;
        _children = new BoundChildren<BoundCounter>(backend, definition, static series => new BoundCounter(series));
    }

    /// <summary>The declaration: name, help, label names.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>The child of these label values, created on first use and cached: the same values again allocate nothing.</summary>
    /// <param name="values">One value per label, in declaration order; <see langword="null"/> is recorded as empty.</param>
    /// <exception cref="ArgumentException">The number of values is not the number of labels.</exception>
    public BoundCounter WithLabels(params ReadOnlySpan<string> values) => _children.Get(values);

    /// <inheritdoc cref="WithLabels(ReadOnlySpan{string})"/>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public BoundCounter WithLabels(params string[] values) => _children.Get(values);

    /// <summary>Adds <paramref name="value"/> to the counter of a metric without labels (see <see cref="BoundCounter.Inc"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public void Inc(double value = 1) => _children.Unlabelled.Inc(value);
}
