using Interception.Metrics.Custom;

namespace Interception.Metrics;

/// <summary>
/// A gauge declared with <see cref="MetricsFactory.CreateGauge"/>. Record on a bound child
/// (<see cref="WithLabels(ReadOnlySpan{string})"/>), or with <see cref="Set"/>, <see cref="Inc"/> and <see cref="Dec"/>
/// when it has no labels. A gauge is exposed once it has been set. Thread-safe.
/// </summary>
public sealed class CustomGauge
{
    private readonly BoundChildren<BoundGauge> _children;

    internal CustomGauge(MultiMetricsBackend backend, MetricDefinition definition)
    {
        Definition = definition;
        _children = new BoundChildren<BoundGauge>(backend, definition, static series => new BoundGauge(series));
    }

    /// <summary>The declaration: name, help, label names.</summary>
    public MetricDefinition Definition { get; }

    /// <summary>The child of these label values, created on first use and cached: the same values again allocate nothing.</summary>
    /// <param name="values">One value per label, in declaration order; <see langword="null"/> is recorded as empty.</param>
    /// <exception cref="ArgumentException">The number of values is not the number of labels.</exception>
    public BoundGauge WithLabels(params ReadOnlySpan<string> values) => _children.Get(values);

    /// <inheritdoc cref="WithLabels(ReadOnlySpan{string})"/>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is <see langword="null"/>.</exception>
    public BoundGauge WithLabels(params string[] values) => _children.Get(values);

    /// <summary>Sets a gauge without labels (see <see cref="BoundGauge.Set"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public void Set(double value) => _children.Unlabelled.Set(value);

    /// <summary>Adds to a gauge without labels (see <see cref="BoundGauge.Inc"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public void Inc(double value = 1) => _children.Unlabelled.Inc(value);

    /// <summary>Subtracts from a gauge without labels (see <see cref="BoundGauge.Dec"/>).</summary>
    /// <exception cref="InvalidOperationException">The metric has labels: use <see cref="WithLabels(ReadOnlySpan{string})"/>.</exception>
    public void Dec(double value = 1) => _children.Unlabelled.Dec(value);
}
