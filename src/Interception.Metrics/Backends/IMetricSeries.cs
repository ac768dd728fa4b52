namespace Interception.Metrics;

/// <summary>
/// One bound series: a metric with all its label values fixed. Obtained once from
/// <see cref="IMetricsBackend.Bind"/>, then recorded many times with no lookup and no allocation.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IMetricSeries
{
    /// <summary>
    /// Records <paramref name="value"/>: a counter adds it, a gauge is set to it, a histogram or summary observes it.
    /// A value the metric cannot record (a negative, NaN or infinite increment or observation, a gauge value that is
    /// not finite) is dropped and counted in <c>metrics_invalid_values_total{metric}</c>; it is never thrown.
    /// </summary>
    /// <param name="value">The value; for durations, seconds.</param>
    void Record(double value);
}
