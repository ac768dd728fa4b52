using System.Diagnostics;
using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Interception.Metrics.Reliability.Tests.Fixtures;
using Interception.Metrics.Reliability.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Interception.Metrics.Reliability.Tests.Faults;

/// <summary>
/// A backend the application registers that throws on every call, next to the configured Prometheus and
/// InMemory backends, under 8 threads: the callers never notice, the healthy backends lose nothing, and the
/// failure is logged at a bounded rate and counted in <c>metrics_backend_errors_total</c>.
/// </summary>
public sealed class FailingBackendTests(ITestOutputHelper output)
{
    private const int Threads = 8;
    private const int CallsPerThread = 10_000;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void BackendThrowingOnEveryCall_EightThreads_CallersUnaffectedHealthyBackendsExactFailureLoggedAndCounted()
    {
        var broken = new ThrowingBackend();
        var logs = new RecordingLoggerFactory();
        var started = Stopwatch.GetTimestamp();
        using var container = MetricsContainer.Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterInstance(broken).As<IMetricsBackend>();
            b.RegisterType<LoadTarget>().As<ILoadTarget>();
        });
        var baseline = LoadDriver.RunOnThreads(() => new LoadTarget(), Threads, CallsPerThread, Timeout);

        var made = LoadDriver.RunOnThreads(container.Resolve<ILoadTarget>, Threads, CallsPerThread, Timeout);
        var elapsed = Stopwatch.GetElapsedTime(started);

        // The callers got the same values and the same exceptions (LoadDriver checks they are the target's own instances).
        Assert.Equal(baseline.Counts.OrderBy(c => c.Key), made.Counts.OrderBy(c => c.Key));
        Assert.Equal(baseline.ValueSum, made.ValueSum);
        Assert.Equal(baseline.Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal), made.Exceptions.OrderBy(e => e.Key, StringComparer.Ordinal));

        // The healthy backends lost nothing.
        var prometheus = PrometheusExposition.Parse(container.Resolve<MetricsCollectorService>().GetMetricsOutput());
        var memory = container.Memory();
        foreach (var ((method, status), count) in made.Counts)
        {
            (string, string)[] labels = [("function", $"{nameof(LoadTarget)}.{method}"), ("status", status)];
            Assert.Equal(count, prometheus.Value(MetricNames.FunctionCalls, labels));
            Assert.Equal(count, memory.GetCounter(MetricNames.FunctionCalls, labels));
        }

        Assert.Equal(made.Calls, prometheus.Sum(MetricNames.FunctionDuration + "_count"));

        // Every failure is counted by the healthy backends: two recordings per call, plus the declarations.
        var fanOut = container.Resolve<MultiMetricsBackend>();
        var failures = fanOut.GetFailureCount(fanOut.Backends.ToList().IndexOf(broken));
        Assert.Equal(broken.Attempts, failures);
        Assert.True(failures >= 2 * made.Calls, $"{failures} failures counted for {made.Calls} calls");
        Assert.Equal(failures, prometheus.Value(MetricNames.BackendErrors, ("backend", "throwing")));
        Assert.Equal(failures, memory.GetCounter(MetricNames.BackendErrors, ("backend", "throwing")));

        // ... and logged at most once a minute, with the number of failures it stands for.
        var logged = logs.Messages.Where(m => m.Contains("Metrics backend 'throwing' failed", StringComparison.Ordinal)).ToArray();
        output.WriteLine($"{failures:N0} failures in {elapsed.TotalSeconds:F1} s, {logged.Length} log message(s), {logs.Messages.Count} in all:");
        foreach (var message in logs.Messages)
        {
            output.WriteLine(message);
        }

        Assert.NotEmpty(logged);
        Assert.True(logged.Length <= 1 + (int)elapsed.TotalMinutes, $"{logged.Length} messages in {elapsed}");
        Assert.True(logs.Messages.Count <= 1 + (int)elapsed.TotalMinutes, "only the failing backend's messages are logged");
    }
}
