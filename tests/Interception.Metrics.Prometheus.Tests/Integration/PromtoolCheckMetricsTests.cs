using Interception.Metrics.Prometheus.Tests.TestSupport;
using MetricType = Interception.Metrics.MetricType;
using Xunit.Abstractions;

namespace Interception.Metrics.Prometheus.Tests.Integration;

/// <summary><c>promtool check metrics</c> (Prometheus' own parser and linter) on the backend's exposition.</summary>
public sealed class PromtoolCheckMetricsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [PeerFact]
    public async Task CheckMetrics_ExpositionAfterMixedWorkload_ReportsNoProblems()
    {
        var promtool = ExternalTool.Find("promtool");

        using var backend = new PrometheusMetricsBackend();
        MixedWorkload.Run(backend);
        var exposition = backend.GetMetricsOutput();

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], exposition, Timeout);

        output.WriteLine(result.ToString());
        Assert.True(
            result.ExitCode == 0 && result.StandardOutput.Trim().Length == 0 && result.StandardError.Trim().Length == 0,
            $"promtool check metrics reported problems: {result}{Environment.NewLine}exposition:{Environment.NewLine}{exposition}");
        Assert.Contains("env=\"q\\\"uo\\\\te\\n😀\"", exposition, StringComparison.Ordinal);
    }

    [PeerFact]
    public async Task CheckMetrics_OnAProblem_ReportsIt()
    {
        // Guards the test above: promtool must actually read our input and complain about a known lint.
        var promtool = ExternalTool.Find("promtool");

        using var backend = new PrometheusMetricsBackend();
        backend.InitializeMetric(new MetricDefinition("requests", MetricType.Counter, "Counter without the _total suffix."));

        var result = await ProcessRunner.RunAsync(promtool, ["check", "metrics"], backend.GetMetricsOutput(), Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("_total", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }
}
