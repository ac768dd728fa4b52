using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Backends.Multi;

/// <summary>
/// Handles a child backend's failures for the fan-out: counts them, logs at a bounded rate (one line per
/// child per interval, with how many were suppressed) and records <c>metrics_backend_errors_total{backend}</c>
/// on the other, healthy children.
/// </summary>
internal sealed class BackendFailures
{
    public static readonly MetricDefinition ErrorsDefinition = new(
        "metrics_backend_errors_total",
        MetricType.Counter,
        "Calls a metrics backend failed; counted by the other backends of the fan-out.",
        ["backend"]);

    private readonly IReadOnlyList<IMetricsBackend> _children;
    private readonly string[] _names;
    private readonly long[] _counts;
    private readonly long[] _lastLogged;
    private readonly long[] _suppressed;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _logInterval;
    private readonly IMetricSeries?[][] _errorSeries;

    public BackendFailures(IReadOnlyList<IMetricsBackend> children, ILogger logger, TimeProvider time, TimeSpan logInterval)
    {
        _children = children;
        _names = children.Select(NameOf).ToArray();
        _counts = new long[children.Count];
        _lastLogged = Enumerable.Repeat(long.MinValue, children.Count).ToArray();
        _suppressed = new long[children.Count];
        _logger = logger;
        _time = time;
        _logInterval = logInterval;
        _errorSeries = children.Select(_ => new IMetricSeries?[children.Count]).ToArray();
    }

    public long CountOf(int child) => Interlocked.Read(ref _counts[child]);

    public string NameOf(int child) => _names[child];

    public void Report(int child, Exception exception, string operation)
    {
        try
        {
            Interlocked.Increment(ref _counts[child]);
            CountOnHealthyChildren(child);
            Log(child, exception, operation);
        }
        catch (Exception)
        {
            // Reporting a failure must never fail the caller: the logger or a second backend may throw too.
        }
    }

    /// <summary>The label value naming a backend: its type name without the <c>MetricsBackend</c> suffix, lower case.</summary>
    public static string NameOf(IMetricsBackend backend)
    {
        var name = backend.GetType().Name;
        foreach (var suffix in (string[])["MetricsBackend", "Backend"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return name.ToLowerInvariant();
    }

    private void CountOnHealthyChildren(int failed)
    {
        for (var other = 0; other < _children.Count; other++)
        {
            if (other == failed)
            {
                continue;
            }

            try
            {
                var series = Volatile.Read(ref _errorSeries[other][failed]);
                if (series is null)
                {
                    // The fan-out declares this metric on its children one by one: a child that fails while
                    // that is under way reports before the children after it have declared it.
                    _children[other].InitializeMetric(ErrorsDefinition);
                    series = _children[other].Bind(ErrorsDefinition.Name, [_names[failed]]);
                    Volatile.Write(ref _errorSeries[other][failed], series);
                }

                series.Record(1);
            }
            catch (Exception)
            {
                // That child is failing too; it is counted when its own failure is reported.
            }
        }
    }

    private void Log(int child, Exception exception, string operation)
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastLogged[child]);
        if (last != long.MinValue && _time.GetElapsedTime(last, now) < _logInterval)
        {
            Interlocked.Increment(ref _suppressed[child]);
            return;
        }

        if (Interlocked.CompareExchange(ref _lastLogged[child], now, last) != last)
        {
            Interlocked.Increment(ref _suppressed[child]);
            return;
        }

        var suppressed = Interlocked.Exchange(ref _suppressed[child], 0);
        _logger.LogWarning(
            exception,
            "Metrics backend '{Backend}' failed in {Operation}; the caller and the other backends are not affected ({Suppressed} similar failures since the last message, {Total} in all).",
            _names[child],
            operation,
            suppressed,
            CountOf(child));
    }
}
