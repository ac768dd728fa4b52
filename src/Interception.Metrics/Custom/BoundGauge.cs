namespace Interception.Metrics;

/// <summary>
/// One series of a <see cref="CustomGauge"/>, its label values fixed: keep it in a field, or get it again with
/// <see cref="CustomGauge.WithLabels(ReadOnlySpan{string})"/> (cached, no allocation). Thread-safe.
/// </summary>
/// <remarks>
/// A backend can only set a gauge, so this child keeps the gauge's value (<see cref="Value"/>) and sets every backend
/// to it. <see cref="Set"/>, <see cref="Inc"/> and <see cref="Dec"/> on one child are serialized: each changes the
/// value atomically and passes the new value to the backends before the next one starts, so no increment is lost
/// and every backend receives the values in the order they were made (a later value can never be overwritten by an
/// earlier one). Once concurrent calls have returned, every backend holds <see cref="Value"/>. The cost is one
/// uncontended lock per call; a counter or histogram child takes none.
/// </remarks>
public sealed class BoundGauge
{
    private readonly IMetricSeries _series;
    private readonly Lock _gate = new();
    private double _value;

    internal BoundGauge(IMetricSeries series)
    {
        _series = series;
    }

    /// <summary>The gauge's value as this process last set it (0 before the first call).</summary>
    public double Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    /// <summary>
    /// Sets the gauge to <paramref name="value"/> in every backend. NaN and infinities are dropped and counted in
    /// <c>metrics_invalid_values_total{metric}</c>, never thrown, and leave the value as it was.
    /// </summary>
    /// <param name="value">Any finite number.</param>
    public void Set(double value)
    {
        if (!double.IsFinite(value))
        {
            // The fan-out's value rule drops it and counts it.
            _series.Record(value);
            return;
        }

        lock (_gate)
        {
            _value = value;
            _series.Record(value);
        }
    }

    /// <summary>
    /// Adds <paramref name="value"/> to the gauge and sets every backend to the result. An amount (or a result) that is
    /// not finite is dropped and counted, never thrown, and leaves the value as it was.
    /// </summary>
    /// <param name="value">Any finite amount; negative decreases the gauge.</param>
    public void Inc(double value = 1)
    {
        lock (_gate)
        {
            var updated = _value + value;
            if (double.IsFinite(updated))
            {
                _value = updated;
            }

            // Not finite: the fan-out's value rule drops it and counts it.
            _series.Record(updated);
        }
    }

    /// <summary>Subtracts <paramref name="value"/> from the gauge; the same as <see cref="Inc"/> with <c>-value</c>.</summary>
    /// <param name="value">Any finite amount; negative increases the gauge.</param>
    public void Dec(double value = 1) => Inc(-value);
}
