namespace Interception.Metrics.Tests.Backends.Null;

public class NullMetricsBackendTests
{
    private readonly NullMetricsBackend _backend = new();

    [Fact]
    public void Bind_UndeclaredMetric_ReturnsSeriesThatAcceptsRecordings()
    {
        var exception = Record.Exception(() =>
        {
            var series = _backend.Bind("never_declared_total", ["a", "b"], [new("1 invalid", "x")]);
            series.Record(1);
            series.Record(-1);
            series.Record(double.NaN);
        });

        Assert.Null(exception);
    }

    [Fact]
    public void Bind_AnyValues_ReturnsTheSameSharedSeries() =>
        Assert.Same(_backend.Bind("a_total", ["x"]), _backend.Bind("b_total", []));

    [Fact]
    public void RecordMethods_UndeclaredMetricsAndAnyLabels_DoNothingAndNeverThrow()
    {
        var labels = new Dictionary<string, string> { ["whatever"] = "x" };

        var exception = Record.Exception(() =>
        {
            _backend.RecordCounter("never_declared_total", -5, labels);
            _backend.SetGauge("never_declared", 1, labels);
            _backend.RecordHistogram("never_declared_seconds", 1, labels);
        });

        Assert.Null(exception);
    }

    [Fact]
    public void InitializeMetric_ConflictingDefinitions_AreIgnored()
    {
        var exception = Record.Exception(() =>
        {
            _backend.InitializeMetric(new MetricDefinition("x_total", MetricType.Counter, "help", ["a"]));
            _backend.InitializeMetric(new MetricDefinition("x_total", MetricType.Gauge, "help", ["b"]));
        });

        Assert.Null(exception);
    }

    [Fact]
    public void AsFanOutChild_NeverFailsAndTheOtherChildRecordsEverything()
    {
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([_backend, memory]);
        multi.InitializeMetric(new MetricDefinition("x_total", MetricType.Counter, "help", ["a"]));

        multi.Bind("x_total", ["1"]).Record(3);
        multi.RecordCounter("x_total", 2, new Dictionary<string, string> { ["a"] = "1" });

        Assert.Equal(0, multi.GetFailureCount(0));
        Assert.Equal(5, memory.GetCounter("x_total", ("a", "1")));
    }
}
