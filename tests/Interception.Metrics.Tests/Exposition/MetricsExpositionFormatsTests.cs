namespace Interception.Metrics.Tests.Exposition;

public sealed class MetricsExpositionFormatsTests
{
    [Theory]
    [InlineData(null, MetricsExpositionFormat.PrometheusText)]
    [InlineData("", MetricsExpositionFormat.PrometheusText)]
    [InlineData("*/*", MetricsExpositionFormat.PrometheusText)]
    [InlineData("text/plain;version=0.0.4;q=0.5,*/*;q=0.1", MetricsExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text", MetricsExpositionFormat.OpenMetrics)]
    [InlineData("APPLICATION/OpenMetrics-Text; version=1.0.0", MetricsExpositionFormat.OpenMetrics)]
    // What Prometheus 2.x sends.
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", MetricsExpositionFormat.OpenMetrics)]
    [InlineData("text/plain;q=0.9, application/openmetrics-text;q=0.5", MetricsExpositionFormat.PrometheusText)]
    [InlineData("text/plain, application/openmetrics-text", MetricsExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text, text/plain", MetricsExpositionFormat.OpenMetrics)]
    [InlineData("application/openmetrics-text;q=0", MetricsExpositionFormat.PrometheusText)]
    [InlineData("application/openmetrics-text;q=bogus", MetricsExpositionFormat.PrometheusText)]
    [InlineData(",, application/openmetrics-text ;q=0.3", MetricsExpositionFormat.OpenMetrics)]
    public void Negotiate_AcceptHeader_PicksOpenMetricsOnlyWhenPreferred(string? accept, MetricsExpositionFormat expected) =>
        Assert.Equal(expected, MetricsExpositionFormats.Negotiate(accept));

    [Fact]
    public void GetContentType_EachFormat_IsItsStandardContentType()
    {
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", MetricsExpositionFormats.GetContentType(MetricsExpositionFormat.PrometheusText));
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", MetricsExpositionFormats.GetContentType(MetricsExpositionFormat.OpenMetrics));
    }
}
