using System.Globalization;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Interception.Metrics.StatsD.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Reliability.Tests.BadInput;

/// <summary>
/// One rule for every recording path and every backend: a counter increment or an observation that is negative,
/// NaN or infinite (a negative duration included), and a gauge value that is not finite, is dropped and counted in
/// <c>metrics_invalid_values_total{metric}</c>. It is never recorded, never thrown at the caller, and logged at a
/// bounded rate.
/// </summary>
public sealed class InvalidValueTests
{
    private const string InvalidValues = "metrics_invalid_values_total";

    [Fact]
    public async Task InvalidValues_EveryPathIntoFourBackends_NoneRecordedNoneThrownEachCountedOnce()
    {
        var meterName = "Interception.Reliability.InvalidValues." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        using var statsdAgent = new UdpListener();
        var logs = new RecordingLoggerFactory();
        string exposition;
        InMemoryMetricsBackend memory;
        await using (var container = MetricsContainer.Build(
            b => b.RegisterInstance(logs).As<ILoggerFactory>(),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName),
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", statsdAgent.Port.ToString(CultureInfo.InvariantCulture))))
        {
            var collector = container.Resolve<MetricsCollectorService>();
            var backend = collector.Backend;
            var calls = new Dictionary<string, string> { ["function"] = "Orders.Place", ["status"] = "success" };
            var operation = collector.BindOperation(MetricKind.Function, "Orders.Place");

            var exception = Record.Exception(() =>
            {
                // The collector services and the interceptor's bound operation.
                collector.RecordHttpRequest(new HttpRequestMetric("GET", "/orders", 200, TimeSpan.FromSeconds(-5)));
                collector.RecordDatabaseQuery(new DatabaseQueryMetric("select", "success", TimeSpan.MinValue));
                operation.Record(OperationStatus.Success, TimeSpan.FromSeconds(-1));

                // Bound series and the name-based methods of the port.
                backend.Bind(MetricNames.FunctionCalls, ["Orders.Place", "success"]).Record(-2);
                backend.RecordCounter(MetricNames.FunctionCalls, double.PositiveInfinity, calls);
                backend.RecordCounter(MetricNames.FunctionCalls, double.NaN, calls);
                backend.RecordHistogram(MetricNames.FunctionDuration, double.NaN, new Dictionary<string, string> { ["function"] = "Orders.Place" });
                backend.SetGauge(MetricNames.DatabaseConnectionsActive, double.PositiveInfinity);
            });

            Assert.Null(exception);
            exposition = collector.GetMetricsOutput();
            memory = container.Memory();
            export.Flush();
        }

        (string Metric, double Count)[] invalid =
        [
            (MetricNames.FunctionCalls, 3), (MetricNames.FunctionDuration, 2), (MetricNames.HttpRequestDuration, 1),
            (MetricNames.DatabaseQueryDuration, 1), (MetricNames.DatabaseConnectionsActive, 1),
        ];

        // Prometheus: the calls count, their durations do not; every drop is counted.
        var prometheus = PrometheusExposition.Parse(exposition);
        Assert.Equal(1, prometheus.Value(MetricNames.FunctionCalls, ("function", "Orders.Place"), ("status", "success")));
        Assert.Equal(1, prometheus.Value(MetricNames.HttpRequests, ("method", "GET"), ("endpoint", "/orders"), ("status", "200")));
        Assert.Equal(0, prometheus.Sum(MetricNames.FunctionDuration + "_count") + prometheus.Sum(MetricNames.HttpRequestDuration + "_count") + prometheus.Sum(MetricNames.DatabaseQueryDuration + "_count"));
        Assert.Equal(0, prometheus.Sum(MetricNames.FunctionDuration + "_sum") + prometheus.Sum(MetricNames.HttpRequestDuration + "_sum") + prometheus.Sum(MetricNames.DatabaseQueryDuration + "_sum"));
        Assert.Empty(prometheus.Named(MetricNames.DatabaseConnectionsActive));
        Assert.All(invalid, i => Assert.Equal(i.Count, prometheus.Value(InvalidValues, ("metric", i.Metric))));

        // In memory.
        Assert.Equal(1, memory.GetCounter(MetricNames.FunctionCalls, ("function", "Orders.Place"), ("status", "success")));
        Assert.Equal(0, memory.GetHistogram(MetricNames.FunctionDuration, ("function", "Orders.Place")).Count);
        Assert.Null(memory.GetGauge(MetricNames.DatabaseConnectionsActive));
        Assert.All(invalid, i => Assert.Equal(i.Count, memory.GetCounter(InvalidValues, ("metric", i.Metric))));

        // OpenTelemetry.
        Assert.Equal(1, Assert.Single(export.CounterPoints(MetricNames.FunctionCalls)).Value);
        Assert.All(export.HistogramCounts(MetricNames.FunctionDuration), p => Assert.Equal(0, p.Value));
        var exportedInvalid = export.CounterPoints(InvalidValues).ToDictionary(p => p.Tags["metric"], p => p.Value);
        Assert.All(invalid, i => Assert.Equal(i.Count, exportedInvalid[i.Metric]));

        // StatsD: no negative, NaN or infinite value on the wire, and the drops counted there too.
        await statsdAgent.ReceiveUntilAsync(l => l.Lines.Count(line => line.StartsWith(InvalidValues, StringComparison.Ordinal)) >= 8, TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(statsdAgent.Lines, l => l.Contains(":-", StringComparison.Ordinal) || l.Contains("NaN", StringComparison.Ordinal) || l.Contains("Infinity", StringComparison.Ordinal));
        Assert.All(invalid, i => Assert.Equal(i.Count, statsdAgent.Lines.Count(l => l == $"{InvalidValues}:1|c|#metric:{i.Metric}")));

        // Logged once (rate limited), with the value, the metric and the rule.
        var warning = Assert.Single(logs.Messages, m => m.Contains(InvalidValues, StringComparison.Ordinal));
        Assert.Contains("-5", warning, StringComparison.Ordinal);
        Assert.Contains(MetricNames.HttpRequestDuration, warning, StringComparison.Ordinal);
    }
}
