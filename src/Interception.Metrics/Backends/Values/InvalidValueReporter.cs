using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Backends.Values;

/// <summary>
/// Handles the values a backend's series refuse: counts them in <c>metrics_invalid_values_total{metric}</c> on that
/// backend, and logs at most one message per interval (with how many were suppressed since the previous one).
/// </summary>
internal sealed class InvalidValueReporter(IMetricsBackend backend, ILogger logger, TimeProvider time, TimeSpan logInterval)
{
    public static readonly MetricDefinition Definition = new(
        MetricsBackend.InvalidValuesMetricName,
        MetricType.Counter,
        "Values dropped because their metric cannot record them: a negative, NaN or infinite counter increment or observation, or a gauge value that is not finite.",
        ["metric"]);

    private long _count;
    private long _lastLogged = long.MinValue;
    private long _suppressed;

    /// <summary>How many values were refused.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Counts and logs one refused value. Never throws.</summary>
    /// <param name="guard">The guard that refused it.</param>
    /// <param name="value">The refused value.</param>
    /// <param name="counted">The guard's cache of its <c>metrics_invalid_values_total</c> series.</param>
    public void Report(MetricValueGuard guard, double value, ref IMetricSeries? counted)
    {
        Interlocked.Increment(ref _count);
        try
        {
            var series = Volatile.Read(ref counted);
            if (series is null)
            {
                backend.InitializeMetric(Definition);
                series = backend.Bind(Definition.Name, [guard.Definition.Name]);
                Volatile.Write(ref counted, series);
            }

            series.Record(1);
        }
        catch (Exception)
        {
            // Counting a refused value must never fail the caller (the backend may be failing, or hold another
            // definition of that name); the value is still dropped and counted in Count.
        }

        try
        {
            Log(guard.Definition, value);
        }
        catch (Exception)
        {
            // A throwing logger must not reach the caller either.
        }
    }

    private void Log(MetricDefinition definition, double value)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogged);
        if ((last != long.MinValue && time.GetElapsedTime(last, now) < logInterval)
            || Interlocked.CompareExchange(ref _lastLogged, now, last) != last)
        {
            Interlocked.Increment(ref _suppressed);
            return;
        }

        logger.LogWarning(
            "Dropped the value {Value} recorded on {MetricType} '{Metric}': {Rule}. Dropped values are counted in metrics_invalid_values_total by metric; {Suppressed} more were dropped since the previous message.",
            value.ToString(CultureInfo.InvariantCulture),
            definition.Type.ToString().ToLowerInvariant(),
            definition.Name,
            RuleOf(definition.Type),
            Interlocked.Exchange(ref _suppressed, 0));
    }

    private static string RuleOf(MetricType type) => type switch
    {
        MetricType.Counter => "a counter only goes up, so an increment must be a finite number, zero or more",
        MetricType.Gauge => "a gauge value must be a finite number",
        _ => "an observation must be a finite number, zero or more (a negative duration is a clock that went backwards)",
    };
}
