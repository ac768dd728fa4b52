using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>
/// The bound series of one timed operation (one method, one kind, one name): recording an outcome is a
/// couple of bound-series calls with no lookup and no allocation. Obtained from
/// <see cref="MetricsCollectorService.BindOperation"/>; thread-safe.
/// </summary>
public sealed class OperationMetrics
{
    private const int HttpCodeCacheSize = 600;

    private readonly IMetricsBackend _backend;
    private readonly string _counterName;
    private readonly string[] _counterPrefix;
    private readonly IReadOnlyList<KeyValuePair<string, string>>? _constantLabels;
    private readonly IMetricSeries _duration;
    private readonly IMetricSeries _success;
    private readonly IMetricSeries _failed;
    private readonly IMetricSeries _canceled;
    private readonly IMetricSeries?[]? _byStatusCode;

    internal OperationMetrics(
        IMetricsBackend backend,
        MetricKind kind,
        string name,
        IReadOnlyList<KeyValuePair<string, string>>? constantLabels,
        string httpMethod)
    {
        _backend = backend;
        Kind = kind;
        Name = name;
        _constantLabels = constantLabels is { Count: > 0 } ? constantLabels.ToArray() : null;
        (_counterName, var durationName, _counterPrefix) = kind switch
        {
            MetricKind.Http => (MetricNames.HttpRequests, MetricNames.HttpRequestDuration, new[] { httpMethod, name }),
            MetricKind.Database => (MetricNames.DatabaseQueries, MetricNames.DatabaseQueryDuration, [name]),
            MetricKind.TelegramApi => (MetricNames.TelegramApiRequests, MetricNames.TelegramApiRequestDuration, [name]),
            MetricKind.BackgroundTask => (MetricNames.BackgroundTasks, MetricNames.BackgroundTaskDuration, [name]),
            _ => (MetricNames.FunctionCalls, MetricNames.FunctionDuration, [name]),
        };

        _duration = backend.Bind(durationName, _counterPrefix, _constantLabels);
        if (kind == MetricKind.Http)
        {
            _byStatusCode = new IMetricSeries?[HttpCodeCacheSize];
            _success = CounterForCode(200);
            _failed = CounterForCode(500);
            _canceled = CounterForCode(499);
        }
        else
        {
            _success = Counter(StatusCodes.ToText(OperationStatus.Success));
            _failed = Counter(StatusCodes.ToText(OperationStatus.Failed));
            _canceled = Counter(StatusCodes.ToText(OperationStatus.Canceled));
        }
    }

    /// <summary>The kind of the operation.</summary>
    public MetricKind Kind { get; }

    /// <summary>The operation's name label value.</summary>
    public string Name { get; }

    /// <summary>
    /// Records one call. For <see cref="MetricKind.Http"/> the status label is 200 on success, 500 on failure
    /// and 499 on cancellation.
    /// </summary>
    public void Record(OperationStatus status, TimeSpan duration) => Record(status, duration.TotalSeconds);

    /// <summary>Records one call that took <paramref name="seconds"/>; the interceptor's path, with no conversion.</summary>
    internal void Record(OperationStatus status, double seconds)
    {
        _duration.Record(seconds);
        (status switch
        {
            OperationStatus.Success => _success,
            OperationStatus.Failed => _failed,
            _ => _canceled,
        }).Record(1);
    }

    /// <summary>Records one HTTP call that ended with <paramref name="statusCode"/>; for other kinds, a code of 400 or more counts as failed.</summary>
    public void RecordStatusCode(int statusCode, TimeSpan duration) => RecordStatusCode(statusCode, duration.TotalSeconds);

    /// <summary>Records one call that ended with <paramref name="statusCode"/> after <paramref name="seconds"/>.</summary>
    internal void RecordStatusCode(int statusCode, double seconds)
    {
        if (_byStatusCode is null)
        {
            Record(statusCode >= 400 ? OperationStatus.Failed : OperationStatus.Success, seconds);
            return;
        }

        _duration.Record(seconds);
        CounterForCode(statusCode).Record(1);
    }

    private IMetricSeries CounterForCode(int statusCode)
    {
        if ((uint)statusCode < HttpCodeCacheSize)
        {
            var cached = Volatile.Read(ref _byStatusCode![statusCode]);
            if (cached is null)
            {
                cached = Counter(StatusCodes.ToText(statusCode));
                Volatile.Write(ref _byStatusCode[statusCode], cached);
            }

            return cached;
        }

        return Counter(StatusCodes.ToText(statusCode));
    }

    private IMetricSeries Counter(string status)
    {
        Span<string> values = [.. _counterPrefix, status];
        return _backend.Bind(_counterName, values, _constantLabels);
    }
}
