using System.Diagnostics;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Load;

/// <summary>
/// 8 threads x 50,000 intercepted calls through a real container, with Prometheus, InMemory and Meter (read by
/// the OpenTelemetry SDK) on together: nothing is lost, nothing is counted twice, and callers see exactly what
/// they would see without metrics.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int CallsPerThread = 50_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void MixedCalls_EightThreadsThreeBackends_EveryCountEqualsCallsMade()
    {
        var meterName = "Interception.Reliability.Load." + Guid.NewGuid().ToString("N");
        using var export = new OpenTelemetryExport(meterName);
        using var container = MetricsContainer.Build(
            b => b.RegisterType<LoadTarget>().As<ILoadTarget>(),
            ("Metrics:Backends:Prometheus:Enabled", "true"),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", meterName));
        var baseline = LoadDriver.RunOnThreads(() => new LoadTarget(), Threads, CallsPerThread, Timeout);

        var started = Stopwatch.GetTimestamp();
        var made = LoadDriver.RunOnThreads(container.Resolve<ILoadTarget>, Threads, CallsPerThread, Timeout);
        output.WriteLine($"{made.Calls:N0} intercepted calls on {Threads} threads took {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms.");

        // The callers saw what they see without metrics.
        Assert.Equal(Threads * CallsPerThread, made.Calls);
        Assert.Equal(Sorted(baseline.Counts), Sorted(made.Counts));
        Assert.Equal(baseline.ValueSum, made.ValueSum);
        Assert.Equal(baseline.Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal), made.Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal));

        var prometheus = PrometheusExposition.Parse(container.Resolve<MetricsCollectorService>().GetMetricsOutput());
        var memory = container.Memory();
        export.Flush();
        var exportedCalls = export.CounterPoints(MetricNames.FunctionCalls);
        var exportedDurations = export.HistogramCounts(MetricNames.FunctionDuration);

        foreach (var ((method, status), count) in made.Counts)
        {
            var function = $"{nameof(LoadTarget)}.{method}";
            (string, string)[] labels = [("function", function), ("status", status)];
            Assert.Equal(count, prometheus.Value(MetricNames.FunctionCalls, labels));
            Assert.Equal(count, memory.GetCounter(MetricNames.FunctionCalls, labels));
            Assert.Equal(count, Assert.Single(exportedCalls, p => p.Tags["function"] == function && p.Tags["status"] == status).Value);
        }

        foreach (var method in LoadDriver.Methods)
        {
            var function = $"{nameof(LoadTarget)}.{method}";
            var total = made.Count(method);
            Assert.Equal(total, prometheus.Value(MetricNames.FunctionDuration + "_count", ("function", function)));
            Assert.Equal(total, prometheus.Value(MetricNames.FunctionDuration + "_bucket", ("function", function), ("le", "+Inf")));
            Assert.Equal(total, memory.GetHistogram(MetricNames.FunctionDuration, ("function", function)).Count);
            Assert.Equal(total, Assert.Single(exportedDurations, p => p.Tags["function"] == function).Value);
        }

        // No series beyond the calls made (the interceptor binds each method's three status series up front: the
        // ones never used stay at 0), and the histograms count every call once.
        Assert.Equal(made.Counts.Count, prometheus.Named(MetricNames.FunctionCalls).Count(s => s.Value != 0));
        Assert.Equal(made.Counts.Count, memory.GetSamples(MetricNames.FunctionCalls).Count(s => s.Value != 0));
        Assert.Equal(made.Counts.Count, exportedCalls.Count);
        Assert.Equal(made.Calls, prometheus.Sum(MetricNames.FunctionCalls));
        Assert.Equal(made.Calls, prometheus.Sum(MetricNames.FunctionDuration + "_count"));
        Assert.Equal(made.Calls, memory.GetSamples(MetricNames.FunctionDuration).Sum(s => s.Count));
        Assert.Equal(made.Calls, exportedDurations.Sum(p => p.Value));
        Assert.Equal(0, prometheus.Sum(MetricNames.BackendErrors));
        Assert.Equal(0, prometheus.Sum(MetricNames.CardinalityOverflow));
    }

    private static KeyValuePair<(string Method, string Status), long>[] Sorted(IReadOnlyDictionary<(string Method, string Status), long> counts) =>
        [.. counts.OrderBy(c => c.Key.Method, StringComparer.Ordinal).ThenBy(c => c.Key.Status, StringComparer.Ordinal)];
}
