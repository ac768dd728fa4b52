using System.Text;

namespace Interception.Metrics.Tests.Exposition;

public sealed class MetricsCollectorServiceExpositionTests
{
    [Fact]
    public async Task WriteMetricsAsync_NoBackendRendersText_CannotRenderAndWritesNothing()
    {
        var collector = new MetricsCollectorService(new InMemoryMetricsBackend());
        using var stream = new MemoryStream();

        await collector.WriteMetricsAsync(stream, collector.NegotiateFormat("application/openmetrics-text"));

        Assert.False(collector.CanRenderMetrics);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public async Task NegotiateFormat_BackendRendersOnlyText_AnswersTextEvenWhenOpenMetricsIsAsked()
    {
        var exposition = new TextOnlyBackend();
        var collector = new MetricsCollectorService(exposition);
        using var stream = new MemoryStream();

        var format = collector.NegotiateFormat("application/openmetrics-text;version=1.0.0");
        await collector.WriteMetricsAsync(stream, format);

        Assert.True(collector.CanRenderMetrics);
        Assert.Equal(MetricsExpositionFormat.PrometheusText, format);
        Assert.Equal("text-only\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A third-party exposition that implements only the members every implementation has.</summary>
    private sealed class TextOnlyBackend : MetricsBackend, IMetricsExposition
    {
        public string ContentType => MetricsExpositionFormats.PrometheusTextContentType;

        public string GetMetricsOutput() => "text-only\n";

        public Task WriteMetricsAsync(Stream destination, CancellationToken cancellationToken = default) =>
            destination.WriteAsync(Encoding.UTF8.GetBytes(GetMetricsOutput()), cancellationToken).AsTask();

        protected override void InitializeCore(MetricDefinition definition)
        {
        }

        protected override IMetricSeries CreateSeries(
            MetricDefinition definition,
            IReadOnlyList<string> labelValues,
            IReadOnlyList<KeyValuePair<string, string>> constantLabels) => new NullMetricsBackend().Bind("x", []);
    }
}
