namespace Interception.Metrics;

/// <summary>
/// One series of a <see cref="CustomCounter"/>, its label values fixed: keep it in a field, or get it again with
/// <see cref="CustomCounter.WithLabels(ReadOnlySpan{string})"/> (cached, no allocation). Thread-safe.
/// </summary>
public sealed class BoundCounter
{
    private readonly IMetricSeries _series;

    internal BoundCounter(IMetricSeries series)
    {
        _series = series;
    }

    /// <summary>
    /// Adds <paramref name="value"/> in every backend. A negative, NaN or infinite value is dropped and counted in
    /// <c>metrics_invalid_values_total{metric}</c>, never thrown; a failing backend never reaches the caller.
    /// </summary>
    /// <param name="value">A finite amount, zero or more.</param>
    public void Inc(double value = 1) => _series.Record(value);
}
