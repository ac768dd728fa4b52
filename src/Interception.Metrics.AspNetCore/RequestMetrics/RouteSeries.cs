using System.Globalization;
using Interception.Metrics.Collection;

namespace Interception.Metrics.AspNetCore;

/// <summary>
/// The bound series of one (endpoint, method) pair: the duration histogram, one counter per status code seen (bound on
/// first sight, then found by a scan of a few entries) and, when tracked, the in-progress gauge.
/// </summary>
internal sealed class RouteSeries
{
    private readonly IMetricsBackend _backend;
    private readonly string _method;
    private readonly string _endpoint;
    private readonly IMetricSeries _duration;
    private readonly InProgressGauge? _inProgress;
    private readonly Lock _gate = new();
    private StatusCounter[] _counters = [];

    public RouteSeries(IMetricsBackend backend, string method, string endpoint, bool trackInProgress)
    {
        _backend = backend;
        _method = method;
        _endpoint = endpoint;
        _duration = backend.Bind(MetricNames.HttpRequestDuration, [method, endpoint]);
        _inProgress = trackInProgress ? InProgress(backend, backend.Bind(MetricNames.HttpRequestsInProgress, [method, endpoint])) : null;
    }

    /// <summary>Records one request that ended with <paramref name="statusCode"/> after <paramref name="seconds"/>.</summary>
    public void Record(int statusCode, double seconds)
    {
        _duration.Record(seconds);
        Counter(statusCode).Record(1);
    }

    /// <summary>A request of this pair started.</summary>
    public void Enter() => _inProgress!.Increment();

    /// <summary>A request of this pair ended.</summary>
    public void Exit() => _inProgress!.Decrement();

    // The collector's backend shares one count per series with every other writer of it (another endpoint with the
    // same route pattern, an Http method with the same name); a backend of another kind gets a count of its own.
    private static InProgressGauge InProgress(IMetricsBackend backend, IMetricSeries series) =>
        backend is MetricsBackend shared ? shared.InProgressOf(series) : new InProgressGauge(series);

    private IMetricSeries Counter(int statusCode)
    {
        foreach (var counter in Volatile.Read(ref _counters))
        {
            if (counter.StatusCode == statusCode)
            {
                return counter.Series;
            }
        }

        return Bind(statusCode);
    }

    private IMetricSeries Bind(int statusCode)
    {
        lock (_gate)
        {
            foreach (var counter in _counters)
            {
                if (counter.StatusCode == statusCode)
                {
                    return counter.Series;
                }
            }

            var series = _backend.Bind(MetricNames.HttpRequests, [_method, _endpoint, statusCode.ToString(CultureInfo.InvariantCulture)]);
            Volatile.Write(ref _counters, [.. _counters, new StatusCounter(statusCode, series)]);
            return series;
        }
    }

    private readonly record struct StatusCounter(int StatusCode, IMetricSeries Series);
}
