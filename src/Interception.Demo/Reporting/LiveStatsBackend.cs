using System.Collections.Concurrent;
using System.Globalization;
using Interception.Metrics;

namespace Interception.Demo.Reporting;

/// <summary>
/// A metrics backend of the demo's own, registered in the container like any application backend: it joins the
/// fan-out next to the configured ones and keeps, for the console, per-operation calls, failed and canceled calls
/// (as their <c>status</c> label says) and recent durations, the HTTP answers by status code, and the Telegram
/// updates by type and status.
/// </summary>
internal sealed class LiveStatsBackend : MetricsBackend
{
    private static readonly Dictionary<string, (string Kind, bool IsDuration)> CallMetrics = new(StringComparer.Ordinal)
    {
        [MetricNames.FunctionCalls] = ("function", false),
        [MetricNames.FunctionDuration] = ("function", true),
        [MetricNames.HttpRequests] = ("http", false),
        [MetricNames.HttpRequestDuration] = ("http", true),
        [MetricNames.DatabaseQueries] = ("database", false),
        [MetricNames.DatabaseQueryDuration] = ("database", true),
        [MetricNames.TelegramApiRequests] = ("telegram", false),
        [MetricNames.TelegramApiRequestDuration] = ("telegram", true),
        [MetricNames.BackgroundTasks] = ("task", false),
        [MetricNames.BackgroundTaskDuration] = ("task", true),
    };

    private readonly ConcurrentDictionary<(string Kind, string Name), OperationStats> _operations = new();
    private readonly ConcurrentDictionary<string, Tally> _httpStatuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Type, string Status), Tally> _updates = new();

    /// <summary>Every operation seen so far.</summary>
    public IReadOnlyCollection<OperationStats> Operations => [.. _operations.Values];

    /// <summary>HTTP answers so far, by status code.</summary>
    public IReadOnlyDictionary<string, long> HttpStatuses => _httpStatuses.ToDictionary(pair => pair.Key, pair => pair.Value.Value, StringComparer.Ordinal);

    /// <summary>Telegram updates so far, by type and status.</summary>
    public IReadOnlyDictionary<(string Type, string Status), long> Updates => _updates.ToDictionary(pair => pair.Key, pair => pair.Value.Value);

    protected override void InitializeCore(MetricDefinition definition)
    {
    }

    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        if (definition.Name == MetricNames.TelegramUpdates)
        {
            return new Counted(_updates.GetOrAdd((labelValues[0], labelValues[1]), _ => new Tally()));
        }

        if (!CallMetrics.TryGetValue(definition.Name, out var metric))
        {
            return new Ignored();
        }

        // http series are {method, endpoint[, status]}; the others {name[, status]}.
        var isHttp = metric.Kind == "http";
        var name = isHttp ? $"{labelValues[0]} {labelValues[1]}" : labelValues[0];
        var stats = _operations.GetOrAdd((metric.Kind, name), key => new OperationStats(key.Kind, key.Name));
        if (metric.IsDuration)
        {
            return new Durations(stats);
        }

        var status = labelValues[^1];
        return isHttp
            ? new HttpCalls(stats, OutcomeOfHttp(status), _httpStatuses.GetOrAdd(status, _ => new Tally()))
            : new Calls(stats, status switch { "failed" => CallOutcome.Failed, "canceled" => CallOutcome.Canceled, _ => CallOutcome.Completed });
    }

    private static CallOutcome OutcomeOfHttp(string status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) switch
        {
            true when code == 499 => CallOutcome.Canceled,
            true when code >= 500 => CallOutcome.Failed,
            _ => CallOutcome.Completed,
        };

    private sealed class Durations(OperationStats stats) : IMetricSeries
    {
        public void Record(double value) => stats.Observe(value);
    }

    private sealed class Calls(OperationStats stats, CallOutcome outcome) : IMetricSeries
    {
        public void Record(double value) => stats.Count(outcome, value);
    }

    private sealed class HttpCalls(OperationStats stats, CallOutcome outcome, Tally status) : IMetricSeries
    {
        public void Record(double value)
        {
            stats.Count(outcome, value);
            status.Add(value);
        }
    }

    private sealed class Counted(Tally tally) : IMetricSeries
    {
        public void Record(double value) => tally.Add(value);
    }

    private sealed class Ignored : IMetricSeries
    {
        public void Record(double value)
        {
        }
    }
}
