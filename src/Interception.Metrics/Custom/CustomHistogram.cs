using Interception.Metrics.Custom;

namespace Interception.Metrics;

/// <summary>
/// A histogram declared with <see cref="MetricsFactory.CreateHistogram"/>. Record on a bound child
/// (<see cref="WithLabels(ReadOnlySpan{string})"/>), or with <see cref="Observe"/> and <see cref="Time"/> when it has no
/// labels. Thread-safe.
/// </summary>
public sealed class CustomHistogram
{
    private readonly BoundChildren<BoundHistogram> _children;

    internal CustomHistogram(MultiMetricsBackend backend, MetricDefinition definition, TimeProvider time)
    {
        Definition = definition;
        _children = new BoundChildren<BoundHistogram>(backend, definition, series => new BoundHistogram(series, time));
    }

    /// <summary>The declaration: name, help, label names and bucket upper bounds.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>The child of these label values, created on first use and cached: the same values again allocate nothing.</summary>
    /// <param name="values">One value per label, in declaration order; <see langword="null"/> is recorded as empty.</param>
    /// <exception cref="ArgumentException">The number of values is not the number of labels.</exception>
    public BoundHistogram WithLabels(params ReadOnlySpan<string> values) => _children.Get(values);

    /// <inheritdoc cref="WithLabels(ReadOnlySpan{string})"/>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public BoundHistogram WithLabels(params string[] values) => _children.Get(values);

    /// <summary>Observes a value in a histogram without labels (see <see cref="BoundHistogram.Observe"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public void Observe(double value) => _children.Unlabelled.Observe(value);

    /// <summary>Times a block in a histogram without labels (see <see cref="BoundHistogram.Time"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public HistogramTimer Time() => _children.Unlabelled.Time();
}
