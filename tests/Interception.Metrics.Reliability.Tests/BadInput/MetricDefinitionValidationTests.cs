using Autofac;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Reliability.Tests.BadInput;

/// <summary>
/// Every invalid metric definition is refused when it is declared, with an <see cref="ArgumentException"/> that
/// names the bad name, label or bucket.
/// </summary>
public sealed class MetricDefinitionValidationTests
{
    /// <summary>Name, type, label names, buckets, and a fragment the error must contain.</summary>
    public static TheoryData<string, MetricType, string[]?, double[]?, string> InvalidDefinitions { get; } = new()
    {
        { "", MetricType.Counter, null, null, "Invalid metric name ''" },
        { "1st_requests_total", MetricType.Counter, null, null, "Invalid metric name '1st_requests_total'" },
        { "requests-total", MetricType.Counter, null, null, "Invalid metric name 'requests-total'" },
        { "requests total", MetricType.Counter, null, null, "Invalid metric name 'requests total'" },
        { "zählung_total", MetricType.Counter, null, null, "Invalid metric name 'zählung_total'" },
        { "requests_total", MetricType.Counter, [""], null, "Invalid label name '' on metric 'requests_total'" },
        { "requests_total", MetricType.Counter, ["1st"], null, "Invalid label name '1st'" },
        { "requests_total", MetricType.Counter, ["__name__"], null, "Invalid label name '__name__'" },
        { "requests_total", MetricType.Counter, ["http-method"], null, "Invalid label name 'http-method'" },
        { "requests_total", MetricType.Counter, ["méthode"], null, "Invalid label name 'méthode'" },
        { "requests_total", MetricType.Counter, ["method", "method"], null, "Duplicate label name 'method' on metric 'requests_total'" },
        { "latency_seconds", MetricType.Histogram, ["le"], null, "Invalid label name 'le' on histogram 'latency_seconds'" },
        { "latency_seconds", MetricType.Histogram, null, [], "Histogram 'latency_seconds' needs at least one bucket" },
        { "latency_seconds", MetricType.Histogram, null, [0.1, 0.1], "strictly increasing: 0.1 follows 0.1" },
        { "latency_seconds", MetricType.Histogram, null, [1, 0.5], "strictly increasing: 0.5 follows 1" },
        { "latency_seconds", MetricType.Histogram, null, [0.1, double.NaN], "Bucket NaN of histogram 'latency_seconds' is not a finite number" },
        { "latency_seconds", MetricType.Histogram, null, [0.1, double.PositiveInfinity], "of histogram 'latency_seconds' is not a finite number" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void MetricDefinition_Invalid_ThrowsNamingTheBadPart(string name, MetricType type, string[]? labels, double[]? buckets, string expected)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new MetricDefinition(name, type, "Help.", labels, buckets));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitializeMetric_CatalogueNameRedeclaredWithOtherType_ThrowsNamingTheMetric()
    {
        using var container = MetricsContainer.Build(
            _ => { },
            ("Metrics:Backends:StatsD:Enabled", "true"),
            ("Metrics:Backends:StatsD:Port", "9"),
            ("Metrics:Backends:Meter:Enabled", "true"),
            ("Metrics:Backends:Meter:MeterName", "Interception.Reliability.Definitions"));
        var fanOut = container.Resolve<MultiMetricsBackend>();
        var conflicting = new MetricDefinition(MetricNames.FunctionCalls, MetricType.Gauge, "Not a counter.", ["function"]);

        var error = Assert.Throws<ArgumentException>(() => fanOut.InitializeMetric(conflicting));
        Assert.Contains($"Metric '{MetricNames.FunctionCalls}' is already declared as a Counter", error.Message, StringComparison.Ordinal);
        Assert.All(fanOut.Backends, backend =>
        {
            var childError = Assert.Throws<ArgumentException>(() => backend.InitializeMetric(conflicting));
            Assert.Contains(MetricNames.FunctionCalls, childError.Message, StringComparison.Ordinal);
        });
    }
}
