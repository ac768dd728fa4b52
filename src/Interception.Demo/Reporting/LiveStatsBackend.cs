using System.Collections.Concurrent;
using System.Globalization;
using Interception.Metrics;

namespace Interception.Demo.Reporting;

/// <summary>
/// A metrics backend of the demo's own, registered in the container like any application backend: it joins the
/// fan-out and keeps per-operation calls, errors and recent durations for the console table.
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

    /// <summary>Every operation seen so far.</summary>
    public IReadOnlyCollection<OperationStats> Operations => [.. _operations.Values];

    protected override void InitializeCore(MetricDefinition definition)
    {
    }

    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        if (!CallMetrics.TryGetValue(definition.Name, out var metric))
        {
            return new Ignored();
        }

        // http series are {method, endpoint[, status]}; the others {name[, status]}.
        var name = metric.Kind == "http" ? $"{labelValues[0]} {labelValues[1]}" : labelValues[0];
        var stats = _operations.GetOrAdd((metric.Kind, name), key => new OperationStats(key.Kind, key.Name));
        if (metric.IsDuration)
        {
            return new Durations(stats);
        }

        var status = labelValues[^1];
        var isError = status is "failed" or "canceled"
            || (int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 500);
        return new Calls(stats, isError);
    }

    private sealed class Durations(OperationStats stats) : IMetricSeries
    {
        public void Record(double value) => stats.Observe(value);
    }

    private sealed class Calls(OperationStats stats, bool isError) : IMetricSeries
    {
        public void Record(double value) => stats.CountCall(isError);
    }

    private sealed class Ignored : IMetricSeries
    {
        public void Record(double value)
        {
        }
    }
}
