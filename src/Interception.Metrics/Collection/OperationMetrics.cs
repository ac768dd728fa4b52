using System.Collections.Concurrent;
using Interception.Metrics.Backends.Series;
using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>
/// The bound series of one timed operation (one method, one kind, one name): recording an outcome is a
/// couple of bound-series calls with no lookup and no allocation. Obtained from
/// <see cref="MetricsCollectorService.BindOperation"/>; thread-safe.
/// </summary>
public sealed class OperationMetrics
{
    private readonly MetricsBackend _backend;
    private readonly string _counterName;
    private readonly string _durationName;
    private readonly string? _inProgressName;
    private readonly string[] _operationLabels;
    private readonly KeyValuePair<string, string>[]? _constantLabels;
    private readonly string[]? _argumentLabels;
    private readonly OperationSeries? _series;
    private readonly ConcurrentDictionary<string[], OperationSeries>? _byArguments;
    private readonly ConcurrentDictionary<string[], OperationSeries>.AlternateLookup<ReadOnlySpan<string>> _argumentLookup;
    private readonly Lock _gate = new();
    private OperationSeries? _overflow;
    private OperationSeries? _withoutArguments;
    private int _argumentSets;

    internal OperationMetrics(
        MetricsBackend backend,
        MetricKind kind,
        string name,
        IReadOnlyList<KeyValuePair<string, string>>? constantLabels,
        string httpMethod,
        bool trackInProgress = false,
        IReadOnlyList<string>? argumentLabels = null)
    {
        _backend = backend;
        Kind = kind;
        Name = name;
        TracksInProgress = trackInProgress;
        _constantLabels = constantLabels is { Count: > 0 } ? constantLabels.ToArray() : null;
        _argumentLabels = argumentLabels is { Count: > 0 } ? argumentLabels.ToArray() : null;
        OperationLabels.Validate(kind, name, _constantLabels, _argumentLabels);
        (_counterName, _durationName, _operationLabels) = kind switch
        {
            MetricKind.Http => (MetricNames.HttpRequests, MetricNames.HttpRequestDuration, new[] { httpMethod, name }),
            MetricKind.Database => (MetricNames.DatabaseQueries, MetricNames.DatabaseQueryDuration, [name]),
            MetricKind.TelegramApi => (MetricNames.TelegramApiRequests, MetricNames.TelegramApiRequestDuration, [name]),
            MetricKind.BackgroundTask => (MetricNames.BackgroundTasks, MetricNames.BackgroundTaskDuration, [name]),
            _ => (MetricNames.FunctionCalls, MetricNames.FunctionDuration, [name]),
        };
        _inProgressName = trackInProgress ? MetricCatalogue.InProgress(kind).Name : null;

        if (_argumentLabels is null)
        {
            _series = new OperationSeries(this, _constantLabels, folded: false);
        }
        else
        {
            // Label sets are bound when first seen: binding one for values no call has had would show a series at zero.
            _byArguments = new ConcurrentDictionary<string[], OperationSeries>(LabelValuesComparer.Instance);
            _argumentLookup = _byArguments.GetAlternateLookup<ReadOnlySpan<string>>();
        }
    }

    /// <summary>The kind of the operation.</summary>
    public MetricKind Kind { get; }

    /// <summary>The operation's name label value.</summary>
    public string Name { get; }

    /// <summary>Whether the operation keeps an in-progress gauge (see <see cref="IncrementInProgress"/>).</summary>
    public bool TracksInProgress { get; }

    /// <summary>The names of the labels whose values each call gives (<see cref="MetricLabelAttribute"/>); empty when none.</summary>
    internal IReadOnlyList<string> ArgumentLabels => _argumentLabels ?? [];

    /// <summary>How many argument label sets have series of their own so far.</summary>
    internal int ArgumentSetCount => Volatile.Read(ref _argumentSets);

    /// <summary>How many distinct argument label sets get series of their own (the cardinality limit).</summary>
    internal int ArgumentSetLimit => _backend.CardinalityLimit;

    /// <summary>The series of an operation without argument labels; <see langword="null"/> when it has some (see <see cref="SeriesFor"/>).</summary>
    internal OperationSeries? Series => _series;

    private OperationSeries Default => _series ?? (_withoutArguments ??= SeriesFor(Enumerable.Repeat(string.Empty, _argumentLabels!.Length).ToArray()));

    /// <summary>
    /// Records one call. For <see cref="MetricKind.Http"/> the status label is 200 on success, 500 on failure
    /// and 499 on cancellation.
    /// </summary>
    public void Record(OperationStatus status, TimeSpan duration) => Default.Record(status, duration.TotalSeconds);

    /// <summary>Records one HTTP call that ended with <paramref name="statusCode"/>; for other kinds, a code of 400 or more counts as failed.</summary>
    public void RecordStatusCode(int statusCode, TimeSpan duration) => Default.RecordStatusCode(statusCode, duration.TotalSeconds);

    /// <summary>
    /// Counts one call as started in the operation's in-progress gauge (<c>function_calls_in_progress</c>,
    /// <c>http_requests_in_progress</c>, …); pair every call with one <see cref="DecrementInProgress"/> when it
    /// finishes, whatever the outcome. Does nothing unless the operation was bound with in-progress tracking. The gauge
    /// is exact once the calls stop, in every backend, however many threads start and finish calls.
    /// </summary>
    public void IncrementInProgress() => Default.Started();

    /// <summary>Counts one started call as finished in the in-progress gauge (see <see cref="IncrementInProgress"/>).</summary>
    public void DecrementInProgress() => Default.Finished();

    /// <summary>
    /// The series for one set of argument label values, in the order of <see cref="ArgumentLabels"/>: found without
    /// allocation when seen before, bound on first sight. Past the cardinality limit of distinct sets, new sets share the
    /// operation's overflow series (every label <c>__overflow__</c>, each recording counted in
    /// <c>metrics_cardinality_overflow_total</c>), so this cache stays bounded and totals stay exact.
    /// </summary>
    internal OperationSeries SeriesFor(ReadOnlySpan<string> argumentValues)
    {
        if (_series is not null)
        {
            return _series;
        }

        if (_argumentLookup.TryGetValue(argumentValues, out var found))
        {
            return found;
        }

        // Past the limit every new set folds: once the overflow series exists, no copy of the values and no lock.
        return Volatile.Read(ref _overflow) ?? Add(argumentValues.ToArray());
    }

    /// <summary>Binds a status counter of this operation.</summary>
    internal IMetricSeries BindCounter(string status, KeyValuePair<string, string>[]? labels, bool folded)
    {
        if (folded)
        {
            return _backend.BindOverflow(_counterName);
        }

        Span<string> values = [.. _operationLabels, status];
        return _backend.Bind(_counterName, values, labels);
    }

    /// <summary>Binds the duration histogram of this operation.</summary>
    internal IMetricSeries BindDuration(KeyValuePair<string, string>[]? labels, bool folded) =>
        folded ? _backend.BindOverflow(_durationName) : _backend.Bind(_durationName, _operationLabels, labels);

    /// <summary>
    /// Binds the in-progress gauge of this operation, shared with every other writer of the same series;
    /// <see langword="null"/> when not tracked.
    /// </summary>
    internal InProgressGauge? BindInProgress(KeyValuePair<string, string>[]? labels, bool folded) =>
        _inProgressName is null ? null
        : _backend.InProgressOf(folded ? _backend.BindOverflow(_inProgressName) : _backend.Bind(_inProgressName, _operationLabels, labels));

    private OperationSeries Add(string[] argumentValues)
    {
        lock (_gate)
        {
            if (_byArguments!.TryGetValue(argumentValues, out var existing))
            {
                return existing;
            }

            // Each set is at least one distinct duration series: once the operation alone has as many sets as the
            // metric may have, the metric is full and every new set would fold anyway.
            if (_argumentSets >= _backend.CardinalityLimit)
            {
                if (_overflow is null)
                {
                    Volatile.Write(ref _overflow, new OperationSeries(this, null, folded: true));
                }

                return _overflow;
            }

            var series = new OperationSeries(this, LabelsWith(argumentValues), folded: false);
            _byArguments[argumentValues] = series;
            Volatile.Write(ref _argumentSets, _argumentSets + 1);
            return series;
        }
    }

    private KeyValuePair<string, string>[] LabelsWith(string[] argumentValues)
    {
        var constants = _constantLabels ?? [];
        var labels = new KeyValuePair<string, string>[constants.Length + argumentValues.Length];
        constants.CopyTo(labels, 0);
        for (var i = 0; i < argumentValues.Length; i++)
        {
            labels[constants.Length + i] = new KeyValuePair<string, string>(_argumentLabels![i], argumentValues[i] ?? string.Empty);
        }

        return labels;
    }
}
