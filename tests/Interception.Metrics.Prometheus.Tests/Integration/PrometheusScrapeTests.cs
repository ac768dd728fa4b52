using System.Diagnostics;
using System.Globalization;
using Interception.Metrics.Prometheus.Tests.TestSupport;
using Xunit.Abstractions;

namespace Interception.Metrics.Prometheus.Tests.Integration;

/// <summary>
/// A real Prometheus server scrapes the backend's own endpoint every second; its query API must return the values
/// of the calls made, hostile label values included.
/// </summary>
public sealed class PrometheusScrapeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Scrape_MixedWorkload_QueryApiReturnsTheRecordedValues()
    {
        var binary = ExternalTool.Find("prometheus", output);
        if (binary is null)
        {
            return;
        }

        var port = FreePort.Next();
        using var backend = new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions
        {
            Server = new PrometheusServerOptions { Enabled = true, Port = port, Path = "/scrape/metrics" },
        });
        var expected = MixedWorkload.Run(backend);
        using var prometheus = await PrometheusServerProcess.StartAsync(binary, $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "/scrape/metrics");

        var missing = await WaitForSamplesAsync(prometheus, expected);

        if (missing.Count > 0)
        {
            Assert.Fail(
                $"Prometheus did not return {missing.Count} of {expected.Count} expected samples within {QueryTimeout}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, missing) + Environment.NewLine +
                $"targets: {await prometheus.TargetsAsync()}{Environment.NewLine}log:{Environment.NewLine}{prometheus.Log}");
        }

        output.WriteLine($"Prometheus returned all {expected.Count} expected samples.");
    }

    [Fact]
    public async Task Scrape_StandaloneServerByLocalhost_QueryApiReturnsTheRequestCounts()
    {
        var binary = ExternalTool.Find("prometheus", output);
        if (binary is null)
        {
            return;
        }

        var port = FreePort.Next();
        using var backend = new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions
        {
            Server = new PrometheusServerOptions { Enabled = true, Port = port },
        });
        var collector = new MetricsCollectorService(backend);
        for (var i = 0; i < 5; i++)
        {
            collector.RecordHttpRequest(new HttpRequestMetric("GET", "/orders/{id:int}", 200, TimeSpan.FromSeconds(0.125)));
        }

        collector.RecordHttpRequest(new HttpRequestMetric("POST", "/orders", 201, TimeSpan.FromSeconds(0.25)));
        using var prometheus = await PrometheusServerProcess.StartAsync(binary, $"localhost:{port.ToString(CultureInfo.InvariantCulture)}", "/metrics");
        ExpectedSample[] expected =
        [
            new("http_requests_total", Labels(("method", "GET"), ("endpoint", "/orders/{id:int}"), ("status", "200")), 5),
            new("http_requests_total", Labels(("method", "POST"), ("endpoint", "/orders"), ("status", "201")), 1),
            new("http_request_duration_seconds_sum", Labels(("method", "GET"), ("endpoint", "/orders/{id:int}")), 0.625),
        ];

        var missing = await WaitForSamplesAsync(prometheus, expected);

        Assert.True(missing.Count == 0, $"missing: {string.Join(Environment.NewLine, missing)}{Environment.NewLine}targets: {await prometheus.TargetsAsync()}{Environment.NewLine}{prometheus.Log}");
    }

    private static Dictionary<string, string> Labels(params (string Name, string Value)[] labels) =>
        labels.ToDictionary(l => l.Name, l => l.Value, StringComparer.Ordinal);

    private static async Task<List<string>> WaitForSamplesAsync(PrometheusServerProcess prometheus, IReadOnlyList<ExpectedSample> expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var missing = new List<string>();
            foreach (var group in expected.GroupBy(e => e.Metric))
            {
                var actual = await prometheus.QueryAsync(group.Key);
                foreach (var sample in group)
                {
                    var match = actual.Where(a => SameLabels(a.Labels, sample.Labels)).ToArray();
                    if (match.Length != 1 || Math.Abs(match[0].Value - sample.Value) > 1e-9)
                    {
                        missing.Add($"{sample}  (got: {(match.Length == 0 ? "no series" : string.Join(", ", match.Select(m => m.Value.ToString(CultureInfo.InvariantCulture))))})");
                    }
                }
            }

            if (missing.Count == 0 || deadline.Elapsed > QueryTimeout)
            {
                return missing;
            }

            await Task.Delay(500);
        }
    }

    private static bool SameLabels(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> expected) =>
        actual.Count(l => l.Key != "__name__") == expected.Count
        && expected.All(e => actual.TryGetValue(e.Key, out var value) && value == e.Value);
}
