namespace Interception.Metrics.Tests.Backends;

/// <summary>
/// A counter increment or an observation that is negative, NaN or infinite, and a gauge value that is not finite,
/// is dropped and counted in <c>metrics_invalid_values_total{metric}</c>: never recorded, never thrown.
/// </summary>
public partial class MetricsBackendTests
{
    private const string InvalidValues = "metrics_invalid_values_total";

    private static readonly Dictionary<string, string> _getOk = new() { ["method"] = "GET", ["status"] = "200" };

    public static TheoryData<double> InvalidAmounts => new()
    {
        -2, -0.001, double.MinValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    public static TheoryData<double> NonFiniteValues => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void RecordCounter_InvalidIncrement_DroppedCountedNeverThrown(double value)
    {
        var backend = CreateBackend();
        backend.RecordCounter("requests_total", 5, _getOk);

        var exception = Record.Exception(() => backend.RecordCounter("requests_total", value, _getOk));

        Assert.Null(exception);
        Assert.Equal(5, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
        Assert.Equal(1, backend.GetCounter(InvalidValues, ("metric", "requests_total")));
    }

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void Record_BoundCounterInvalidIncrement_DroppedCountedNeverThrown(double value)
    {
        var backend = CreateBackend();
        var series = backend.Bind("requests_total", ["GET", "200"]);
        series.Record(5);

        var exception = Record.Exception(() => series.Record(value));

        Assert.Null(exception);
        Assert.Equal(5, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
        Assert.Equal(1, backend.GetCounter(InvalidValues, ("metric", "requests_total")));
    }

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void RecordHistogram_InvalidObservation_DroppedCountedNeverThrown(double value)
    {
        var backend = CreateBackend();
        backend.RecordHistogram("latency_seconds", 0.5, new Dictionary<string, string> { ["method"] = "GET" });
        var series = backend.Bind("latency_seconds", ["GET"]);

        var exception = Record.Exception(() =>
        {
            backend.RecordHistogram("latency_seconds", value, new Dictionary<string, string> { ["method"] = "GET" });
            series.Record(value);
        });

        Assert.Null(exception);
        var histogram = backend.GetHistogram("latency_seconds", ("method", "GET"));
        Assert.Equal(1, histogram.Count);
        Assert.Equal(0.5, histogram.Sum);
        Assert.Equal(0.5, histogram.Min);
        Assert.Equal(2, backend.GetCounter(InvalidValues, ("metric", "latency_seconds")));
    }

    [Theory]
    [MemberData(nameof(NonFiniteValues))]
    public void SetGauge_NonFiniteValue_DroppedCountedAndPreviousValueKept(double value)
    {
        var backend = CreateBackend();
        backend.SetGauge("temperature_celsius", 21.5, new Dictionary<string, string> { ["room"] = "lab" });

        var exception = Record.Exception(() =>
        {
            backend.SetGauge("temperature_celsius", value, new Dictionary<string, string> { ["room"] = "lab" });
            backend.Bind("temperature_celsius", ["lab"]).Record(value);
        });

        Assert.Null(exception);
        Assert.Equal(21.5, backend.GetGauge("temperature_celsius", ("room", "lab")));
        Assert.Equal(2, backend.GetCounter(InvalidValues, ("metric", "temperature_celsius")));
    }

    [Fact]
    public void SetGauge_NegativeFiniteValue_IsRecorded()
    {
        var backend = CreateBackend();

        backend.SetGauge("temperature_celsius", -40, new Dictionary<string, string> { ["room"] = "freezer" });

        Assert.Equal(-40, backend.GetGauge("temperature_celsius", ("room", "freezer")));
        Assert.Equal(0, backend.GetCounter(InvalidValues, ("metric", "temperature_celsius")));
    }

    [Fact]
    public void Record_NegativeZero_CountsAsZeroNotAsInvalid()
    {
        var backend = CreateBackend();

        backend.Bind("requests_total", ["GET", "200"]).Record(-0.0);
        backend.Bind("latency_seconds", ["GET"]).Record(-0.0);

        Assert.Equal(0, backend.GetCounter("requests_total", ("method", "GET"), ("status", "200")));
        Assert.Equal(1, backend.GetHistogram("latency_seconds", ("method", "GET")).Count);
        Assert.DoesNotContain(backend.GetSamples(InvalidValues), s => s.Value > 0);
    }

    [Fact]
    public void Record_InvalidValuesOnSeveralMetrics_CountedPerMetric()
    {
        var backend = CreateBackend();

        backend.Bind("requests_total", ["GET", "200"]).Record(-1);
        backend.Bind("requests_total", ["GET", "500"]).Record(double.NaN);
        backend.Bind("latency_seconds", ["GET"]).Record(double.NegativeInfinity);

        Assert.Equal(2, backend.GetCounter(InvalidValues, ("metric", "requests_total")));
        Assert.Equal(1, backend.GetCounter(InvalidValues, ("metric", "latency_seconds")));
    }
}
