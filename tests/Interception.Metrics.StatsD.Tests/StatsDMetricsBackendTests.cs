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
    public async Task RecordHistogram_SecondsUnderGermanCulture_SendsInvariantMilliseconds()
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
            ["function_duration_seconds:12.5|ms|#function:f", "function_duration_seconds:1234500|ms|#function:f"],
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
    public async Task Record_NonFiniteOrNegativeDuration_IsDroppedAndCounted()
    {
        using var listener = new UdpListener();
        var backend = TestMetrics.Backend(TestMetrics.Options(listener.Port));
        await using (backend)
        {
            var calls = backend.Bind("function_calls_total", ["f", "success"]);
            calls.Record(double.NaN);
            calls.Record(double.PositiveInfinity);
            backend.Bind("function_duration_seconds", ["f"]).Record(-0.001);
            calls.Record(2);
        }

        await listener.ReceiveUntilAsync(l => l.MetricLines.Count >= 1, Timeout);
        await listener.DrainAsync(TimeSpan.FromMilliseconds(200));

        Assert.Equal(["function_calls_total:2|c|#function:f,status:success"], listener.MetricLines);
        Assert.Equal(3, backend.DroppedCount);
        Assert.Equal(1, backend.SentCount);
        Assert.Contains("statsd_dropped_total:3|c", listener.Lines);
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

    // name:value|type, then optionally |#key:value,key:value — no reserved character or control character anywhere else.
    [GeneratedRegex(@"^[^:|@#,\p{Cc}]+:-?\d+(\.\d+)?\|(c|g|ms)(\|#[^:|@#,\p{Cc}]+:[^:|@#,\p{Cc}]*(,[^:|@#,\p{Cc}]+:[^:|@#,\p{Cc}]*)*)?$")]
    private static partial Regex WellFormedLine();
}
