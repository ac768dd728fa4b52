using Interception.Metrics.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Interception.Metrics.Tests.Backends.Multi;

/// <summary>
/// The fan-out applies the value rule before any child sees a value, so that a child that validates nothing (a
/// backend of the application's own) is protected too; the dropped value is counted on every child and logged at a
/// bounded rate.
/// </summary>
public partial class MultiMetricsBackendTests
{
    private const string InvalidValuesMetric = "metrics_invalid_values_total";

    [Theory]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Record_InvalidCounterIncrement_NoChildSeesItAndEachChildCountsIt(double value)
    {
        var own = new RecordingMetricsBackend();
        var memory = new InMemoryMetricsBackend();
        var multi = new MultiMetricsBackend([own, memory]);
        multi.InitializeMetric(_jobs);
        var series = multi.Bind("jobs_total", ["mail"]);

        var exception = Record.Exception(() =>
        {
            series.Record(value);
            multi.RecordCounter("jobs_total", value, new Dictionary<string, string> { ["queue"] = "mail" });
            series.Record(1);
        });

        Assert.Null(exception);
        Assert.Equal([1.0], own.Values.Where(v => v.Metric == "jobs_total").Select(v => v.Value));
        Assert.Equal([1.0, 1.0], own.Values.Where(v => v.Metric == InvalidValuesMetric).Select(v => v.Value));
        Assert.Equal(1, memory.GetCounter("jobs_total", ("queue", "mail")));
        Assert.Equal(2, memory.GetCounter(InvalidValuesMetric, ("metric", "jobs_total")));
    }

    [Fact]
    public void Record_NegativeDurationAndNonFiniteGauge_NoChildSeesThem()
    {
        var own = new RecordingMetricsBackend();
        var multi = new MultiMetricsBackend([own]);
        multi.InitializeMetric(_duration);
        multi.InitializeMetric(_depth);

        multi.Bind("job_seconds", ["mail"]).Record(TimeSpan.FromSeconds(-5).TotalSeconds);
        multi.Bind("job_seconds", ["mail"]).Record(TimeSpan.MinValue.TotalSeconds);
        multi.Bind("queue_depth", ["mail"]).Record(double.NaN);
        multi.Bind("queue_depth", ["mail"]).Record(-3);

        Assert.DoesNotContain(own.Values, v => v.Metric == "job_seconds");
        Assert.Equal([-3.0], own.Values.Where(v => v.Metric == "queue_depth").Select(v => v.Value));
        Assert.Equal(3, own.Values.Count(v => v.Metric == InvalidValuesMetric));
    }

    [Fact]
    public void Record_ThousandInvalidValues_LoggedOncePerMinuteWithTheMetricValueAndRule()
    {
        var logger = new RecordingLogger<MultiMetricsBackend>();
        var time = new FakeTimeProvider();
        var multi = new MultiMetricsBackend([new InMemoryMetricsBackend()], logger, timeProvider: time);
        multi.InitializeMetric(_jobs);
        multi.InitializeMetric(_duration);
        var jobs = multi.Bind("jobs_total", ["mail"]);

        for (var i = 0; i < 1_000; i++)
        {
            jobs.Record(-2);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        var first = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.Contains("-2", first.Message, StringComparison.Ordinal);
        Assert.Contains("counter 'jobs_total'", first.Message, StringComparison.Ordinal);
        Assert.Contains("finite", first.Message, StringComparison.Ordinal);
        Assert.Contains(InvalidValuesMetric, first.Message, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(11));
        multi.Bind("job_seconds", ["mail"]).Record(double.NaN);

        Assert.Equal(2, logger.Entries.Count);
        var second = logger.Entries[1];
        Assert.Contains("NaN", second.Message, StringComparison.Ordinal);
        Assert.Contains("histogram 'job_seconds'", second.Message, StringComparison.Ordinal);
        Assert.Contains("999 more", second.Message, StringComparison.Ordinal);
    }
}
