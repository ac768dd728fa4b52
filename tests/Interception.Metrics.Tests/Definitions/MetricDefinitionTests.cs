namespace Interception.Metrics.Tests.Definitions;

public class MetricDefinitionTests
{
    public static TheoryData<string> InvalidMetricNames => new()
    {
        "http requests",
        "1abc",
        string.Empty,
        "a-b",
        "a.b",
        "caf\u00e9_total",
        "tab\tname",
    };

    public static TheoryData<string> ValidMetricNames => new()
    {
        "http_requests_total",
        "namespace:http_requests:rate5m",
        ":leading_colon",
        "_leading_underscore",
        "__double_underscore_is_fine_for_metrics",
        "a",
        "A1",
    };

    public static TheoryData<string[], MetricType, string> InvalidLabelNames => new()
    {
        { ["__x"], MetricType.Counter, "'__x'" },
        { ["__"], MetricType.Gauge, "'__'" },
        { ["1a"], MetricType.Counter, "'1a'" },
        { ["a-b"], MetricType.Counter, "'a-b'" },
        { ["a:b"], MetricType.Counter, "'a:b'" },
        { ["with space"], MetricType.Counter, "'with space'" },
        { [string.Empty], MetricType.Counter, "''" },
        { ["ok", "1bad"], MetricType.Counter, "'1bad'" },
        { ["status", "status"], MetricType.Counter, "'status'" },
        { ["method", "status", "method"], MetricType.Gauge, "'method'" },
        { ["le"], MetricType.Histogram, "'le'" },
        { ["function", "le"], MetricType.Histogram, "'le'" },
    };

    public static TheoryData<double[], string> InvalidBuckets => new()
    {
        { [0.1, 0.1], "0.1 follows 0.1" },
        { [0.5, 0.25], "0.25 follows 0.5" },
        { [1, 2, 3, 2.5], "2.5 follows 3" },
        { [double.NaN], "NaN" },
        { [0.1, double.NaN, 1], "NaN" },
        { [0.1, double.PositiveInfinity], "Infinity" },
        { [double.NegativeInfinity, 1], "-Infinity" },
    };

    [Theory]
    [MemberData(nameof(InvalidMetricNames))]
    public void Constructor_InvalidMetricName_ThrowsArgumentExceptionNamingIt(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MetricDefinition(name, MetricType.Counter, "help"));

        Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullMetricName_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new MetricDefinition(null!, MetricType.Counter, "help"));

    [Fact]
    public void Constructor_NullDescription_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new MetricDefinition("ok_total", MetricType.Counter, null!));

    [Theory]
    [MemberData(nameof(ValidMetricNames))]
    public void Constructor_ValidMetricName_KeepsIt(string name)
    {
        var definition = new MetricDefinition(name, MetricType.Gauge, "help");

        Assert.Equal(name, definition.Name);
        Assert.Equal(MetricType.Gauge, definition.Type);
    }

    [Theory]
    [MemberData(nameof(InvalidLabelNames))]
    public void Constructor_InvalidLabelNames_ThrowsArgumentExceptionNamingTheLabel(string[] labels, MetricType type, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MetricDefinition("my_metric", type, "help", labels));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("my_metric", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullLabelName_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new MetricDefinition("my_metric", MetricType.Counter, "help", [null!]));

    [Theory]
    [InlineData(MetricType.Counter)]
    [InlineData(MetricType.Gauge)]
    [InlineData(MetricType.Summary)]
    public void Constructor_LeLabelOnNonHistogram_IsAllowed(MetricType type)
    {
        var definition = new MetricDefinition("my_metric", type, "help", ["le"]);

        Assert.Equal(["le"], definition.LabelNames!);
    }

    [Fact]
    public void Constructor_ValidLabelNames_KeepsThemInOrder()
    {
        var definition = new MetricDefinition("my_metric", MetricType.Histogram, "help", ["method", "_private", "a1", "Endpoint"], [0.1, 1]);

        Assert.Equal(["method", "_private", "a1", "Endpoint"], definition.LabelNames!);
        Assert.Equal([0.1, 1], definition.Buckets!);
    }

    [Fact]
    public void Constructor_NoLabelNames_ExposesEmptyListNotNull()
    {
        var definition = new MetricDefinition("my_metric", MetricType.Counter, "help");

        Assert.NotNull(definition.LabelNames);
        Assert.Empty(definition.LabelNames);
        Assert.Null(definition.Buckets);
    }

    [Fact]
    public void Constructor_CallerMutatesArraysAfterwards_DefinitionUnchanged()
    {
        string[] labels = ["method"];
        double[] buckets = [0.1, 1];
        var definition = new MetricDefinition("my_metric", MetricType.Histogram, "help", labels, buckets);

        labels[0] = "1bad";
        buckets[0] = 5;

        Assert.Equal(["method"], definition.LabelNames!);
        Assert.Equal([0.1, 1], definition.Buckets!);
    }

    [Theory]
    [MemberData(nameof(InvalidBuckets))]
    public void Constructor_InvalidBuckets_ThrowsArgumentExceptionNamingTheBadValue(double[] buckets, string expected)
    {
        var exception = Assert.Throws<ArgumentException>(() => new MetricDefinition("latency_seconds", MetricType.Histogram, "help", null, buckets));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("latency_seconds", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyBuckets_ThrowsArgumentExceptionNamingTheMetric()
    {
        var exception = Assert.Throws<ArgumentException>(() => new MetricDefinition("latency_seconds", MetricType.Histogram, "help", null, []));

        Assert.Contains("latency_seconds", exception.Message, StringComparison.Ordinal);
        Assert.Contains("at least one bucket", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NegativeButIncreasingBuckets_AreAccepted()
    {
        var definition = new MetricDefinition("delta", MetricType.Histogram, "help", null, [-1, 0, 0.5]);

        Assert.Equal([-1, 0, 0.5], definition.Buckets!);
    }
}
