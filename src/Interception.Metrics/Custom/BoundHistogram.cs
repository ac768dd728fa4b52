namespace Interception.Metrics;

/// <summary>
/// One series of a <see cref="CustomHistogram"/>, its label values fixed: keep it in a field, or get it again with
/// <see cref="CustomHistogram.WithLabels(ReadOnlySpan{string})"/> (cached, no allocation). Thread-safe.
/// </summary>
public sealed class BoundHistogram
{
    private readonly IMetricSeries _series;

    internal BoundHistogram(IMetricSeries series, TimeProvider time)
    {
        _series = series;
        Clock = time;
    }

    internal TimeProvider Clock { get; }

    /// <summary>
    /// Observes <paramref name="value"/> in every backend. A negative, NaN or infinite value is dropped and counted in
    /// <c>metrics_invalid_values_total{metric}</c>, never thrown; a failing backend never reaches the caller.
    /// </summary>
    /// <param name="value">A finite number, zero or more; for durations, seconds.</param>
    public void Observe(double value) => _series.Record(value);

    /// <summary>
    /// Starts timing a block: disposing the returned timer observes the seconds elapsed since this call. It is a
    /// struct, so <c>using (histogram.Time()) { ... }</c> allocates nothing.
    /// </summary>
    /// <returns>A timer to dispose once, at the end of the block.</returns>
    public HistogramTimer Time() => new(this, Clock.GetTimestamp());
}
