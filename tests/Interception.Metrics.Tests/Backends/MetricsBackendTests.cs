namespace Interception.Metrics.Tests.Backends;

/// <summary>The behaviour every backend inherits from <see cref="MetricsBackend"/>, exercised through <see cref="InMemoryMetricsBackend"/>.</summary>
public partial class MetricsBackendTests
{
    private static readonly MetricDefinition _requests =
        new("requests_total", MetricType.Counter, "Requests.", ["method", "status"]);

    private static readonly MetricDefinition _temperature =
        new("temperature_celsius", MetricType.Gauge, "Temperature.", ["room"]);

    private static readonly MetricDefinition _latency =
        new("latency_seconds", MetricType.Histogram, "Latency.", ["method"], [0.1, 1]);

    private static InMemoryMetricsBackend CreateBackend(int limit = MetricsBackend.DefaultCardinalityLimit)
    {
        var backend = new InMemoryMetricsBackend(limit);
        backend.InitializeMetric(_requests);
        backend.InitializeMetric(_temperature);
        backend.InitializeMetric(_latency);
        return backend;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_CardinalityLimitBelowOne_ThrowsArgumentOutOfRangeException(int limit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryMetricsBackend(limit));

    [Fact]
    public void InitializeMetric_SameDefinitionAgain_IsNoOpAndKeepsRecordedValues()
    {
        var backend = CreateBackend();
        backend.RecordCounter("requests_total", 3, new Dictionary<string, string> { ["method"] = "GET", ["status"] = "200" });

        backend.InitializeMetric(new MetricDefinition("requests_total", MetricType.Counter, "Other help text.", ["method", "status"]));

        Assert.Single(backend.Definitions, d => d.Name == "requests_total");
        Assert.Equal(3, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
    }

    [Fact]
    public void InitializeMetric_SameHistogramWithEqualBucketsInNewList_IsNoOp()
    {
        var backend = CreateBackend();

        var exception = Record.Exception(() => backend.InitializeMetric(new MetricDefinition("latency_seconds", MetricType.Histogram, "Latency.", ["method"], [0.1, 1.0])));

        Assert.Null(exception);
    }

    public static TheoryData<MetricDefinition> ConflictingRedefinitions => new()
    {
        new MetricDefinition("requests_total", MetricType.Gauge, "Requests.", ["method", "status"]),
        new MetricDefinition("requests_total", MetricType.Counter, "Requests.", ["method"]),
        new MetricDefinition("requests_total", MetricType.Counter, "Requests.", ["status", "method"]),
        new MetricDefinition("requests_total", MetricType.Counter, "Requests."),
        new MetricDefinition("latency_seconds", MetricType.Histogram, "Latency.", ["method"], [0.1, 2]),
        new MetricDefinition("latency_seconds", MetricType.Histogram, "Latency.", ["method"]),
        new MetricDefinition("latency_seconds", MetricType.Summary, "Latency.", ["method"], [0.1, 1]),
    };

    [Theory]
    [MemberData(nameof(ConflictingRedefinitions))]
    public void InitializeMetric_ConflictingRedefinition_ThrowsArgumentExceptionNamingTheMetric(MetricDefinition redefinition)
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<ArgumentException>(() => backend.InitializeMetric(redefinition));

        Assert.Contains($"'{redefinition.Name}'", exception.Message, StringComparison.Ordinal);
        var kept = Assert.Single(backend.Definitions, d => d.Name == redefinition.Name);
        Assert.Same(redefinition.Name == _requests.Name ? _requests : _latency, kept);
    }

    [Fact]
    public void InitializeMetric_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new InMemoryMetricsBackend().InitializeMetric(null!));

    [Fact]
    public void Bind_SameLabelValues_ReturnsSameSeriesInstance()
    {
        var backend = CreateBackend();

        var first = backend.Bind("requests_total", ["GET", "200"]);
        var second = backend.Bind("requests_total", [new string(['G', 'E', 'T']), "200"]);

        Assert.Same(first, second);
        Assert.Equal(1, backend.GetSeriesCount("requests_total"));
    }

    [Fact]
    public void Bind_DifferentLabelValues_ReturnsDistinctSeries()
    {
        var backend = CreateBackend();

        var ok = backend.Bind("requests_total", ["GET", "200"]);
        var failed = backend.Bind("requests_total", ["GET", "500"]);
        ok.Record(2);
        failed.Record(5);

        Assert.NotSame(ok, failed);
        Assert.Equal(2, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
        Assert.Equal(5, backend.GetCounter("requests_total", ("method", "GET"), ("status", "500")));
    }

    [Fact]
    public void Bind_NullLabelValue_IsRecordedAsEmptyAndSharesTheEmptySeries()
    {
        var backend = CreateBackend();

        var withNull = backend.Bind("requests_total", ["GET", null!]);
        var withEmpty = backend.Bind("requests_total", ["GET", string.Empty]);
        withNull.Record(1);

        Assert.Same(withEmpty, withNull);
        Assert.Equal(1, backend.GetCounter("requests_total", ("method", "GET"), ("status", string.Empty)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Bind_WrongNumberOfLabelValues_ThrowsArgumentException(int count)
    {
        var backend = CreateBackend();
        var values = Enumerable.Repeat("x", count).ToArray();

        var exception = Assert.Throws<ArgumentException>(() => backend.Bind("requests_total", values));

        Assert.Contains("'requests_total'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("method, status", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UndeclaredMetric_ThrowsInvalidOperationExceptionNamingIt()
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.Bind("never_declared_total", ["x"]));

        Assert.Contains("'never_declared_total'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordCounter_UndeclaredMetric_ThrowsInvalidOperationExceptionNamingIt()
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.RecordCounter("never_declared_total"));

        Assert.Contains("'never_declared_total'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordCounter_OnGauge_ThrowsInvalidOperationException()
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.RecordCounter("temperature_celsius", 1, new Dictionary<string, string> { ["room"] = "a" }));

        Assert.Contains("'temperature_celsius'", exception.Message, StringComparison.Ordinal);
        Assert.Null(backend.GetGauge("temperature_celsius", ("room", "a")));
    }

    [Fact]
    public void RecordCounter_OnHistogram_ThrowsInvalidOperationException()
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.RecordCounter("latency_seconds", 1, new Dictionary<string, string> { ["method"] = "GET" }));

        Assert.Contains("'latency_seconds'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, backend.GetHistogram("latency_seconds", ("method", "GET")).Count);
    }

    [Theory]
    [InlineData("requests_total")]
    [InlineData("latency_seconds")]
    public void SetGauge_OnNonGauge_ThrowsInvalidOperationException(string name)
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.SetGauge(name, 4));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(backend.GetSamples(name));
    }

    [Theory]
    [InlineData("requests_total")]
    [InlineData("temperature_celsius")]
    public void RecordHistogram_OnNonHistogram_ThrowsInvalidOperationException(string name)
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<InvalidOperationException>(() => backend.RecordHistogram(name, 0.5));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(backend.GetSamples(name));
    }

    [Fact]
    public void RecordHistogram_OnSummary_Observes()
    {
        var backend = new InMemoryMetricsBackend();
        backend.InitializeMetric(new MetricDefinition("payload_bytes", MetricType.Summary, "Payload size."));

        backend.RecordHistogram("payload_bytes", 100);
        backend.RecordHistogram("payload_bytes", 300);

        var sample = backend.GetHistogram("payload_bytes");
        Assert.Equal(2, sample.Count);
        Assert.Equal(400, sample.Sum);
    }

    [Fact]
    public void RecordCounter_UnknownLabelKey_ThrowsArgumentExceptionListingValidLabels()
    {
        var backend = CreateBackend();
        var labels = new Dictionary<string, string> { ["method"] = "GET", ["stauts"] = "200" };

        var exception = Assert.Throws<ArgumentException>(() => backend.RecordCounter("requests_total", 1, labels));

        Assert.Contains("'stauts'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("method, status", exception.Message, StringComparison.Ordinal);
        Assert.Empty(backend.GetSamples("requests_total"));
    }

    [Fact]
    public void SetGauge_UnknownLabelKeyOnUnlabelledMetric_ThrowsArgumentExceptionSayingNone()
    {
        var backend = new InMemoryMetricsBackend();
        backend.InitializeMetric(new MetricDefinition("queue_length", MetricType.Gauge, "Queue length."));

        var exception = Assert.Throws<ArgumentException>(() => backend.SetGauge("queue_length", 1, new Dictionary<string, string> { ["queue"] = "a" }));

        Assert.Contains("'queue'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("(none)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordHistogram_UnknownLabelKey_ThrowsArgumentException()
    {
        var backend = CreateBackend();

        var exception = Assert.Throws<ArgumentException>(() => backend.RecordHistogram("latency_seconds", 1, new Dictionary<string, string> { ["endpoint"] = "/" }));

        Assert.Contains("'endpoint'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("method", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordCounter_MissingLabel_RecordsEmptyString()
    {
        var backend = CreateBackend();

        backend.RecordCounter("requests_total", 2, new Dictionary<string, string> { ["method"] = "POST" });
        backend.RecordCounter("requests_total");

        Assert.Equal(2, backend.GetCounter("requests_total", ("method", "POST"), ("status", string.Empty)));
        Assert.Equal(1, backend.GetCounter("requests_total", ("method", string.Empty), ("status", string.Empty)));
    }

    [Fact]
    public void RecordCounter_DictionaryLabelsInAnyOrder_ReachTheSameSeriesAsBind()
    {
        var backend = CreateBackend();
        var series = backend.Bind("requests_total", ["GET", "200"]);

        backend.RecordCounter("requests_total", 1, new Dictionary<string, string> { ["status"] = "200", ["method"] = "GET" });
        series.Record(1);

        Assert.Equal(2, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
        Assert.Single(backend.GetSamples("requests_total"));
    }

    [Fact]
    public void RecordCounter_DefaultValue_AddsOne()
    {
        var backend = CreateBackend();

        backend.RecordCounter("requests_total");
        backend.RecordCounter("requests_total");
        backend.RecordCounter("requests_total", 0);

        Assert.Equal(2, backend.GetCounter("requests_total", ("method", string.Empty), ("status", string.Empty)));
    }

    [Fact]
    public void Bind_WithConstantLabels_RecordsThemAlongsideTheDefinitionLabels()
    {
        var backend = CreateBackend();

        var series = backend.Bind("requests_total", ["GET", "200"], [new("team", "core"), new("region", "eu")]);
        series.Record(3);

        var sample = Assert.Single(backend.GetSamples("requests_total"));
        Assert.Equal(
            new Dictionary<string, string> { ["method"] = "GET", ["status"] = "200", ["team"] = "core", ["region"] = "eu" },
            sample.Labels.ToDictionary());
        Assert.Equal(3, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200"), ("team", "core"), ("region", "eu")));
        Assert.Equal(0, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
    }

    [Fact]
    public void Bind_SameValuesWithAndWithoutConstantLabels_AreDistinctSeries()
    {
        var backend = CreateBackend();

        var plain = backend.Bind("requests_total", ["GET", "200"]);
        var core = backend.Bind("requests_total", ["GET", "200"], [new("team", "core")]);
        var coreAgain = backend.Bind("requests_total", ["GET", "200"], [new("team", "core")]);
        var web = backend.Bind("requests_total", ["GET", "200"], [new("team", "web")]);

        Assert.NotSame(plain, core);
        Assert.Same(core, coreAgain);
        Assert.NotSame(core, web);
        Assert.Equal(3, backend.GetSeriesCount("requests_total"));
    }

    public static TheoryData<string, KeyValuePair<string, string>[], string> InvalidConstantLabels => new()
    {
        { "requests_total", [new("1team", "core")], "'1team'" },
        { "requests_total", [new("__team", "core")], "'__team'" },
        { "requests_total", [new("te-am", "core")], "'te-am'" },
        { "requests_total", [new(string.Empty, "core")], "''" },
        { "requests_total", [new("status", "x")], "'status'" },
        { "requests_total", [new("method", "x")], "'method'" },
        { "requests_total", [new("team", "a"), new("team", "b")], "'team'" },
        { "latency_seconds", [new("le", "1")], "'le'" },
    };

    [Theory]
    [MemberData(nameof(InvalidConstantLabels))]
    public void Bind_InvalidConstantLabel_ThrowsArgumentExceptionNamingIt(string metric, KeyValuePair<string, string>[] constantLabels, string expected)
    {
        var backend = CreateBackend();
        string[] values = metric == "requests_total" ? ["GET", "200"] : ["GET"];

        var exception = Assert.Throws<ArgumentException>(() => backend.Bind(metric, values, constantLabels));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Empty(backend.GetSamples(metric));
    }

    [Fact]
    public void Bind_ConstantLabelWithNullValue_RecordsEmptyValue()
    {
        var backend = CreateBackend();

        backend.Bind("requests_total", ["GET", "200"], [new("team", null!)]).Record(1);

        Assert.Equal(1, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200"), ("team", string.Empty)));
    }

    [Fact]
    public void GetSeriesCount_UndeclaredMetric_ThrowsInvalidOperationException() =>
        Assert.Throws<InvalidOperationException>(() => CreateBackend().GetSeriesCount("nope"));

    [Fact]
    public void Definitions_ListsEveryDeclaredMetric()
    {
        var backend = CreateBackend();

        Assert.Equal(
            ["latency_seconds", "requests_total", "temperature_celsius"],
            backend.Definitions.Select(d => d.Name).Order(StringComparer.Ordinal));
    }
}
