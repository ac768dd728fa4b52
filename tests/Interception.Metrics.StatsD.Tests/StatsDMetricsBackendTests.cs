using System.Globalization;
using System.Text.RegularExpressions;
using Interception.Metrics.StatsD.Tests.Support;

namespace Interception.Metrics.StatsD.Tests;

/// <summary>The lines the backend puts on the wire, read by a UDP socket on loopback.</summary>
public sealed partial class StatsDMetricsBackendTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Record_BoundCounterWithPrefixAndConstantLabels_SendsDogStatsDLine()
    {
        using var listener = new UdpListener();
        var options = TestMetrics.Options(listener.Port);
        options.Prefix = "shop";
        await using (var backend = TestMetrics.Backend(options))
        {
            backend.Bind("function_calls_total", ["Orders.Place", "success"], [new("team", "core")]).Record(1);
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 1, Timeout);

        Assert.Equal(["shop.function_calls_total:1|c|#function:Orders.Place,status:success,team:core"], listener.Lines);
    }

    [Fact]
    public async Task RecordHistogram_SecondsUnderGermanCulture_SendsInvariantMillisecondsWithoutTheSecondsSuffix()
    {
        using var listener = new UdpListener();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            await using var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port));
            backend.RecordHistogram("function_duration_seconds", 0.0125, new Dictionary<string, string> { ["function"] = "f" });
            backend.RecordHistogram("function_duration_seconds", 1234.5, new Dictionary<string, string> { ["function"] = "f" });
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 2, Timeout);

        Assert.Equal(
            ["function_duration:12.5|ms|#function:f", "function_duration:1234500|ms|#function:f"],
            listener.Lines);
    }

    [Fact]
    public async Task SetGauge_NegativeValue_SendsZeroFirstSoTheSignIsNotReadAsADelta()
    {
        using var listener = new UdpListener();
        await using (var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port)))
        {
            backend.SetGauge("database_connections_active", 42);
            backend.SetGauge("database_connections_active", -3.5);
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 3, Timeout);

        Assert.Equal(
            ["database_connections_active:42|g", "database_connections_active:0|g", "database_connections_active:-3.5|g"],
            listener.Lines);
    }

    [Fact]
    public async Task Record_HostileLabelValues_EveryLineIsWellFormed()
    {
        string[] hostile =
        [
            "a:b", "a|b", "a@0.5", "#tag", "x,y:z", "line\nbreak", "cr\r\nlf", "tab\tnul\0", "bell\u0007", "|#k:v",
            ":1|c", "\u2028sep", "ünïcödé 🙂", "quote'\"", "", new string('v', 500),
        ];
        using var listener = new UdpListener();
        await using (var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port)))
        {
            foreach (var value in hostile)
            {
                backend.Bind("function_calls_total", [value, value]).Record(1);
                backend.Bind("function_duration_seconds", [value]).Record(0.5);
            }
        }

        await listener.ReceiveUntilAsync(l => l.Lines.Count >= 2 * hostile.Length, Timeout);

        Assert.Equal(2 * hostile.Length, listener.Lines.Count);
        Assert.All(listener.Lines, line => Assert.Matches(WellFormedLine(), line));
        Assert.Contains(listener.Lines, l => l.StartsWith("function_calls_total:1|c|#function:a_b,status:a_b", StringComparison.Ordinal));
        Assert.Contains(listener.Lines, l => l.Contains("function:" + new string('v', 200) + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Record_InvalidValues_NeverSentAndCountedAsInvalid()
    {
        using var listener = new UdpListener();
        var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port));
        await using (backend)
        {
            var calls = backend.Bind("function_calls_total", ["f", "success"]);
            calls.Record(double.NaN);
            calls.Record(double.PositiveInfinity);
            calls.Record(-2);
            backend.RecordCounter("function_calls_total", -1, new Dictionary<string, string> { ["function"] = "f", ["status"] = "success" });
            backend.Bind("function_duration_seconds", ["f"]).Record(-0.001);
            backend.Bind("database_connections_active", []).Record(double.NaN);
            calls.Record(2);
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= 7, Timeout);
        await listener.DrainAsync(TimeSpan.FromMilliseconds(200));

        string[] expected =
        [
            "function_calls_total:2|c|#function:f,status:success",
            "metrics_invalid_values_total:4|c|#metric:function_calls_total",
            "metrics_invalid_values_total:1|c|#metric:function_duration_seconds",
            "metrics_invalid_values_total:1|c|#metric:database_connections_active",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Totals(listener.MetricLines).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(listener.Lines, l => l.Contains(":-", StringComparison.Ordinal) || l.Contains("NaN", StringComparison.Ordinal) || l.Contains("Infinity", StringComparison.Ordinal));
        Assert.Equal(6, backend.InvalidValueCount);
        Assert.Equal(0, backend.DroppedCount);
        Assert.Equal(7, backend.SentCount);
    }

    [Fact]
    public async Task RecordHistogram_NotInSeconds_SendsTheRecordedValueUnderItsOwnName()
    {
        using var listener = new UdpListener();
        await using (var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port)))
        {
            backend.InitializeMetric(new MetricDefinition("payload_bytes", MetricType.Histogram, "Payload.", ["kind"], [100, 1000]));
            backend.InitializeMetric(new MetricDefinition("batch_size", MetricType.Summary, "Batch."));
            backend.Bind("payload_bytes", ["json"]).Record(1500);
            backend.Bind("batch_size", []).Record(12);
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= 2, Timeout);

        Assert.Equal(["payload_bytes:1500|ms|#kind:json", "batch_size:12|ms"], listener.MetricLines);
    }

    [Fact]
    public async Task Bind_GaugeNeverSet_SendsNothing()
    {
        using var listener = new UdpListener();
        await using (var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port)))
        {
            backend.Bind("database_connections_active", []);
            backend.Bind("function_calls_total", ["f", "success"]).Record(1);
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= 1, Timeout);
        await listener.DrainAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(["function_calls_total:1|c|#function:f,status:success"], listener.MetricLines);
    }

    [Theory]
    [InlineData(0, 1000, 1432)]
    [InlineData(65536, 1000, 1432)]
    [InlineData(8125, 0, 1432)]
    [InlineData(8125, -1, 1432)]
    [InlineData(8125, 1000, 64)]
    [InlineData(8125, 1000, 70000)]
    public void Constructor_OptionOutOfRange_ThrowsNamingTheOption(int port, int maxQueueSize, int maxPacketSize)
    {
        var options = new StatsDMetricsBackendOptions { Port = port, MaxQueueSize = maxQueueSize, MaxPacketSize = maxPacketSize };

        var exception = Assert.ThrowsAny<ArgumentException>(() => new StatsDMetricsBackend(options));

        Assert.Contains(port is < 1 or > 65535 ? "Port" : maxQueueSize < 1 ? "MaxQueueSize" : "MaxPacketSize", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Counter lines summed by name and tags, written back as lines: UDP may split one series over datagrams.</summary>
    private static IEnumerable<string> Totals(IEnumerable<string> lines) =>
        lines.Select(l => (Key: l[..l.IndexOf(':', StringComparison.Ordinal)], Value: double.Parse(l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..l.IndexOf('|', StringComparison.Ordinal)], CultureInfo.InvariantCulture), Tail: l[l.IndexOf('|', StringComparison.Ordinal)..]))
            .GroupBy(l => (l.Key, l.Tail))
            .Select(g => $"{g.Key.Key}:{g.Sum(l => l.Value).ToString(CultureInfo.InvariantCulture)}{g.Key.Tail}");

    // name:value|type, then optionally |#key:value,key:value — no reserved character or control character anywhere else.
    [GeneratedRegex(@"^[^:|@#,\p{Cc}]+:-?\d+(\.\d+)?\|(c|g|ms)(\|#[^:|@#,\p{Cc}]+:[^:|@#,\p{Cc}]*(,[^:|@#,\p{Cc}]+:[^:|@#,\p{Cc}]*)*)?$")]
    private static partial Regex WellFormedLine();
}
