using System.Text;
using Interception.Metrics.Prometheus.Tests.TestSupport;
using Prometheus;
using MetricType = Interception.Metrics.MetricType;

namespace Interception.Metrics.Prometheus.Tests.Backends;

public sealed class PrometheusMetricsBackendTests : IDisposable
{
    private readonly PrometheusMetricsBackend _backend = new();

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void GetMetricsOutput_CounterRecorded_WritesHelpTypeAndValue()
    {
        _backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs run.", ["queue"]));

        _backend.RecordCounter("jobs_total", 2, new Dictionary<string, string> { ["queue"] = "mail" });
        _backend.RecordCounter("jobs_total", 1.5, new Dictionary<string, string> { ["queue"] = "mail" });

        var output = _backend.GetMetricsOutput();
        Assert.Contains("# HELP jobs_total Jobs run.\n# TYPE jobs_total counter\njobs_total{queue=\"mail\"} 3.5\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_GaugeSet_WritesLastValue()
    {
        _backend.InitializeMetric(new MetricDefinition("queue_length", MetricType.Gauge, "Waiting jobs."));

        _backend.SetGauge("queue_length", 10);
        _backend.SetGauge("queue_length", -4.25);

        Assert.Contains("# TYPE queue_length gauge\nqueue_length -4.25\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_GaugeNeverSet_WritesHelpAndTypeButNoSample()
    {
        _backend.InitializeMetric(new MetricDefinition("idle_workers", MetricType.Gauge, "Idle workers."));
        _backend.InitializeMetric(new MetricDefinition("queue_depth", MetricType.Gauge, "Depth.", ["queue"]));
        _backend.Bind("idle_workers", []);
        _backend.Bind("queue_depth", ["mail"]);

        var output = _backend.GetMetricsOutput();

        Assert.Contains("# TYPE idle_workers gauge\n", output, StringComparison.Ordinal);
        Assert.Contains("# TYPE queue_depth gauge\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nidle_workers ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\nqueue_depth{", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_GaugeSetToZero_WritesTheZero()
    {
        _backend.InitializeMetric(new MetricDefinition("idle_workers", MetricType.Gauge, "Idle workers."));

        _backend.Bind("idle_workers", []).Record(0);

        Assert.Contains("\nidle_workers 0\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_CounterAndHistogramNeverRecorded_StillWriteTheirZeroSamples()
    {
        _backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs."));
        _backend.InitializeMetric(new MetricDefinition("step_seconds", MetricType.Histogram, "Step.", ["step"], [0.1]));
        _backend.Bind("step_seconds", ["parse"]);

        var output = _backend.GetMetricsOutput();

        Assert.Contains("\njobs_total 0\n", output, StringComparison.Ordinal);
        Assert.Contains("\nstep_seconds_count{step=\"parse\"} 0\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_HistogramWithOwnBuckets_WritesCumulativeBucketsSumAndCount()
    {
        _backend.InitializeMetric(new MetricDefinition("step_seconds", MetricType.Histogram, "Step time.", ["step"], [0.1, 1]));
        var series = _backend.Bind("step_seconds", ["parse"]);

        series.Record(0.0625);
        series.Record(0.5);
        series.Record(3);

        var output = _backend.GetMetricsOutput();
        Assert.Contains("# TYPE step_seconds histogram\n", output, StringComparison.Ordinal);
        Assert.Contains("step_seconds_sum{step=\"parse\"} 3.5625\n", output, StringComparison.Ordinal);
        Assert.Contains("step_seconds_count{step=\"parse\"} 3\n", output, StringComparison.Ordinal);
        Assert.Contains("step_seconds_bucket{step=\"parse\",le=\"0.1\"} 1\n", output, StringComparison.Ordinal);
        Assert.Contains("step_seconds_bucket{step=\"parse\",le=\"1\"} 2\n", output, StringComparison.Ordinal);
        Assert.Contains("step_seconds_bucket{step=\"parse\",le=\"+Inf\"} 3\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_HistogramWithoutBuckets_UsesTheBackendDefaultBuckets()
    {
        using var backend = new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions { DefaultBuckets = [0.5, 2] });
        backend.InitializeMetric(new MetricDefinition("wait_seconds", MetricType.Histogram, "Wait."));

        backend.RecordHistogram("wait_seconds", 1);

        var output = backend.GetMetricsOutput();
        Assert.Contains("wait_seconds_bucket{le=\"0.5\"} 0\n", output, StringComparison.Ordinal);
        Assert.Contains("wait_seconds_bucket{le=\"2\"} 1\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("le=\"0.005\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_Summary_WritesSumAndCount()
    {
        _backend.InitializeMetric(new MetricDefinition("payload_bytes", MetricType.Summary, "Payload size.", ["kind"]));

        _backend.RecordHistogram("payload_bytes", 100, new Dictionary<string, string> { ["kind"] = "json" });
        _backend.RecordHistogram("payload_bytes", 300, new Dictionary<string, string> { ["kind"] = "json" });

        var output = _backend.GetMetricsOutput();
        Assert.Contains("# TYPE payload_bytes summary\npayload_bytes_sum{kind=\"json\"} 400\npayload_bytes_count{kind=\"json\"} 2\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("say \"hi\"", "say \\\"hi\\\"")]
    [InlineData("C:\\temp\\x", "C:\\\\temp\\\\x")]
    [InlineData("line1\nline2", "line1\\nline2")]
    [InlineData("ünïcødé 日本 🚀", "ünïcødé 日本 🚀")]
    [InlineData("{a=\"b\"},", "{a=\\\"b\\\"},")]
    public void GetMetricsOutput_HostileLabelValue_IsEscaped(string value, string escaped)
    {
        _backend.InitializeMetric(new MetricDefinition("hostile_total", MetricType.Counter, "Hostile.", ["name"]));

        _backend.Bind("hostile_total", [value]).Record(1);

        Assert.Contains($"hostile_total{{name=\"{escaped}\"}} 1\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_HelpWithBackslashAndNewline_IsEscapedForTheTextFormat()
    {
        _backend.InitializeMetric(new MetricDefinition("odd_help", MetricType.Gauge, "a\\b\nc"));

        Assert.Contains("# HELP odd_help a\\\\b\\nc\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ConstantLabels_WritesOneFamilyWithTheExtraLabelsAfterTheMetricLabels()
    {
        _backend.InitializeMetric(new MetricDefinition("calls_total", MetricType.Counter, "Calls.", ["function", "status"]));

        _backend.Bind("calls_total", ["a", "success"]).Record(1);
        _backend.Bind("calls_total", ["b", "success"], [new("team", "payments"), new("env", "prod")]).Record(2);

        var output = _backend.GetMetricsOutput();
        Assert.Single(AllIndexesOf(output, "# TYPE calls_total counter"));
        Assert.Single(AllIndexesOf(output, "# HELP calls_total Calls."));
        Assert.Contains("calls_total{function=\"a\",status=\"success\"} 1\n", output, StringComparison.Ordinal);
        Assert.Contains("calls_total{function=\"b\",status=\"success\",env=\"prod\",team=\"payments\"} 2\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_SameConstantLabelsInAnotherOrder_RecordsIntoTheSamePrometheusSeries()
    {
        _backend.InitializeMetric(new MetricDefinition("calls_total", MetricType.Counter, "Calls.", ["function"]));

        _backend.Bind("calls_total", ["a"], [new("team", "t"), new("env", "e")]).Record(1);
        _backend.Bind("calls_total", ["a"], [new("env", "e"), new("team", "t")]).Record(1);

        var output = _backend.GetMetricsOutput();
        Assert.Contains("calls_total{function=\"a\",env=\"e\",team=\"t\"} 2\n", output, StringComparison.Ordinal);
        Assert.Single(AllIndexesOf(output, "calls_total{"));
    }

    [Fact]
    public void Bind_SameLabelValuesTwice_ReturnsTheSameSeriesAndAccumulates()
    {
        _backend.InitializeMetric(new MetricDefinition("hits_total", MetricType.Counter, "Hits.", ["page"]));

        var first = _backend.Bind("hits_total", ["home"]);
        var second = _backend.Bind("hits_total", ["home"]);
        first.Record(1);
        second.Record(1);
        _backend.RecordCounter("hits_total", 1, new Dictionary<string, string> { ["page"] = "home" });

        Assert.Same(first, second);
        Assert.Equal(1, _backend.GetSeriesCount("hits_total"));
        Assert.Contains("hits_total{page=\"home\"} 3\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void Record_BoundSeriesOfEveryType_AllocatesNothing()
    {
        _backend.InitializeMetric(new MetricDefinition("a_total", MetricType.Counter, "A.", ["x"]));
        _backend.InitializeMetric(new MetricDefinition("b", MetricType.Gauge, "B.", ["x"]));
        _backend.InitializeMetric(new MetricDefinition("c_seconds", MetricType.Histogram, "C.", ["x"]));
        _backend.InitializeMetric(new MetricDefinition("d", MetricType.Summary, "D.", ["x"]));
        IMetricSeries[] series =
        [
            _backend.Bind("a_total", ["1"]),
            _backend.Bind("b", ["1"]),
            _backend.Bind("c_seconds", ["1"]),
            _backend.Bind("d", ["1"]),
        ];
        // Warm up: tiered JIT and the summary's first buffer flush allocate once.
        RecordAll(series, 20_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        RecordAll(series, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Backends_TwoInstances_ShareNoRegistryAndNoMetrics()
    {
        using var other = new PrometheusMetricsBackend();
        _backend.InitializeMetric(new MetricDefinition("shared_name", MetricType.Counter, "Counter here."));
        other.InitializeMetric(new MetricDefinition("shared_name", MetricType.Gauge, "Gauge there."));

        _backend.RecordCounter("shared_name", 5);
        other.SetGauge("shared_name", 9);

        Assert.NotSame(_backend.Registry, other.Registry);
        Assert.NotSame(global::Prometheus.Metrics.DefaultRegistry, _backend.Registry);
        Assert.Contains("# TYPE shared_name counter\nshared_name 5\n", _backend.GetMetricsOutput(), StringComparison.Ordinal);
        Assert.Contains("# TYPE shared_name gauge\nshared_name 9\n", other.GetMetricsOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RegistryOption_CreatesTheMetricsInThatRegistry()
    {
        var registry = global::Prometheus.Metrics.NewCustomRegistry();
        using var backend = new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions { Registry = registry });

        backend.InitializeMetric(new MetricDefinition("in_given_total", MetricType.Counter, "Given."));

        Assert.Same(registry, backend.Registry);
        Assert.Contains("in_given_total 0", Export(registry), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PastTheCardinalityLimit_FoldsIntoTheOverflowSeriesAndCountsIt()
    {
        using var backend = new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions { CardinalityLimit = 2 });
        backend.InitializeMetric(new MetricDefinition("users_total", MetricType.Counter, "Users.", ["user"]));

        foreach (var user in (string[])["a", "b", "c", "d"])
        {
            backend.Bind("users_total", [user]).Record(1);
        }

        var output = backend.GetMetricsOutput();
        Assert.Contains("users_total{user=\"__overflow__\"} 2\n", output, StringComparison.Ordinal);
        Assert.Contains("metrics_cardinality_overflow_total{metric=\"users_total\"} 2\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("user=\"c\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteMetricsAsync_Stream_WritesTheSameTextAsGetMetricsOutputAndLeavesTheStreamOpen()
    {
        _backend.InitializeMetric(new MetricDefinition("written_total", MetricType.Counter, "Written.", ["x"]));
        _backend.Bind("written_total", ["é"]).Record(4);
        using var stream = new MemoryStream();

        await _backend.WriteMetricsAsync(stream);

        Assert.True(stream.CanWrite);
        Assert.Equal(_backend.GetMetricsOutput(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void GetMetricsOutput_OpenMetrics_WritesOpenMetricsWithEof()
    {
        _backend.InitializeMetric(new MetricDefinition("sent_total", MetricType.Counter, "Sent.", ["to"]));
        _backend.Bind("sent_total", ["x"]).Record(1);

        var output = _backend.GetMetricsOutput(MetricsExpositionFormat.OpenMetrics);

        Assert.Contains("# TYPE sent counter\nsent_total{to=\"x\"} 1.0\n", output, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentType_IsTheTextFormat004()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", _backend.ContentType);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", PrometheusMetricsBackend.OpenMetricsContentType);
    }

    [Theory]
    [InlineData(null, "text/plain; version=0.0.4; charset=utf-8", "# TYPE sent_total counter\nsent_total 2\n")]
    [InlineData("text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "text/plain; version=0.0.4; charset=utf-8", "# TYPE sent_total counter\nsent_total 2\n")]
    [InlineData("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5", "application/openmetrics-text; version=1.0.0; charset=utf-8", "# TYPE sent counter\nsent_total 2.0\n")]
    public async Task CollectorService_NegotiatedFormat_WritesThatFormatThroughTheBackend(string? accept, string contentType, string expected)
    {
        _backend.InitializeMetric(new MetricDefinition("sent_total", MetricType.Counter, "Sent."));
        _backend.Bind("sent_total", []).Record(2);
        var collector = new MetricsCollectorService(_backend);
        using var stream = new MemoryStream();

        var format = collector.NegotiateFormat(accept);
        await collector.WriteMetricsAsync(stream, format);

        Assert.True(collector.CanRenderMetrics);
        Assert.Equal(contentType, MetricsExpositionFormats.GetContentType(format));
        Assert.Contains(expected, Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void CollectorService_OverTheBackend_RendersTheCatalogueThroughIt()
    {
        var collector = new MetricsCollectorService(_backend);
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));

        var output = collector.GetMetricsOutput();

        Assert.Equal(_backend.ContentType, collector.ContentType);
        Assert.Contains("telegram_updates_total{update_type=\"message\",status=\"success\"} 1\n", output, StringComparison.Ordinal);
        Assert.Contains("# TYPE function_duration_seconds histogram\n", output, StringComparison.Ordinal);
        Assert.Contains("# TYPE database_connections_active gauge\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\ndatabase_connections_active ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CollectorServices_Constructed_GenericPartAndSelfMetricsDeclaredGaugesUnsetTelegramBotPartAbsent()
    {
        _ = new MetricsCollectorService(_backend);
        _ = new BusinessMetricsService(_backend);
        _ = new HealthCheckService(_backend);
        _ = new SystemMetricsService(_backend, new Moq.Mock<ISystemMetricsProvider>().Object);

        var output = _backend.GetMetricsOutput();

        foreach (var metric in (string[])["metrics_cardinality_overflow_total", "metrics_backend_errors_total", "metrics_invalid_values_total"])
        {
            Assert.Contains($"# TYPE {metric} counter\n", output, StringComparison.Ordinal);
        }

        foreach (var gauge in (string[])["system_cpu_usage_percent", "system_memory_usage_percent", "system_disk_usage_percent", "database_connections_active", "background_workers_active"])
        {
            Assert.Contains($"# TYPE {gauge} gauge\n", output, StringComparison.Ordinal);
            Assert.DoesNotContain($"\n{gauge} ", output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("telegram_", output, StringComparison.Ordinal);
        Assert.DoesNotContain("bot_", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, double> InvalidValues => new()
    {
        { "jobs_total", -2 },
        { "jobs_total", double.NaN },
        { "jobs_total", double.PositiveInfinity },
        { "jobs_total", double.NegativeInfinity },
        { "step_seconds", -5 },
        { "step_seconds", TimeSpan.MinValue.TotalSeconds },
        { "step_seconds", double.NaN },
        { "step_seconds", double.PositiveInfinity },
        { "payload_bytes", -1 },
        { "payload_bytes", double.NaN },
        { "queue_depth", double.NaN },
        { "queue_depth", double.PositiveInfinity },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Record_InvalidValue_NeverReachesPrometheusNeverThrowsAndIsCounted(string metric, double value)
    {
        _backend.InitializeMetric(new MetricDefinition("jobs_total", MetricType.Counter, "Jobs.", ["queue"]));
        _backend.InitializeMetric(new MetricDefinition("step_seconds", MetricType.Histogram, "Step.", ["queue"], [0.1, 1]));
        _backend.InitializeMetric(new MetricDefinition("payload_bytes", MetricType.Summary, "Payload.", ["queue"]));
        _backend.InitializeMetric(new MetricDefinition("queue_depth", MetricType.Gauge, "Depth.", ["queue"]));
        foreach (var name in (string[])["jobs_total", "step_seconds", "payload_bytes", "queue_depth"])
        {
            _backend.Bind(name, ["mail"]).Record(0.5);
        }

        var before = _backend.GetMetricsOutput();
        var exception = Record.Exception(() =>
        {
            _backend.Bind(metric, ["mail"]).Record(value);
            var labels = new Dictionary<string, string> { ["queue"] = "mail" };
            switch (metric)
            {
                case "jobs_total": _backend.RecordCounter(metric, value, labels); break;
                case "queue_depth": _backend.SetGauge(metric, value, labels); break;
                default: _backend.RecordHistogram(metric, value, labels); break;
            }
        });

        Assert.Null(exception);
        var after = _backend.GetMetricsOutput();
        Assert.Equal(Samples(before, "metrics_invalid_values_total"), Samples(after, "metrics_invalid_values_total"));
        Assert.Contains($"metrics_invalid_values_total{{metric=\"{metric}\"}} 2\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_LoneSurrogatesThatRenderAlike_OneSampleWithTheExactTotal()
    {
        _backend.InitializeMetric(new MetricDefinition("hits_total", MetricType.Counter, "Hits.", ["endpoint"]));

        _backend.Bind("hits_total", ["/x\uD800"]).Record(1);
        _backend.Bind("hits_total", ["/x\uD801"]).Record(2);
        _backend.Bind("hits_total", ["/x\uDFFF"]).Record(4);

        var output = _backend.GetMetricsOutput();
        Assert.Single(AllIndexesOf(output, "hits_total{"));
        Assert.Contains("hits_total{endpoint=\"/x\uFFFD\"} 7\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GetMetricsOutput_MixedWorkload_ContainsEveryExpectedSample()
    {
        var expected = MixedWorkload.Run(_backend);

        var output = _backend.GetMetricsOutput();

        Assert.All(expected, sample => Assert.Contains(sample + "\n", output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 1.0, 0.5 })]
    [InlineData(new[] { 1.0, double.PositiveInfinity })]
    public void Constructor_InvalidDefaultBuckets_Throws(double[] buckets) =>
        Assert.Throws<ArgumentException>(() => new PrometheusMetricsBackend(new PrometheusMetricsBackendOptions { DefaultBuckets = buckets }));

    private static void RecordAll(IMetricSeries[] series, int times)
    {
        for (var i = 0; i < times; i++)
        {
            foreach (var s in series)
            {
                s.Record(0.25);
            }
        }
    }

    /// <summary>The sample lines of <paramref name="text"/>, without those that contain one of <paramref name="excluded"/>.</summary>
    private static string[] Samples(string text, params string[] excluded) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#' && !excluded.Any(e => l.Contains(e, StringComparison.Ordinal)))];

    private static List<int> AllIndexesOf(string text, string value)
    {
        var indexes = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            indexes.Add(i);
        }

        return indexes;
    }

    private static string Export(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        registry.CollectAndExportAsTextAsync(stream).GetAwaiter().GetResult();
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
