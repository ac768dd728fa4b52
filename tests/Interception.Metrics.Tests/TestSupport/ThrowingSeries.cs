namespace Interception.Metrics.Tests.TestSupport;

/// <summary>A bound series of <see cref="ThrowingMetricsBackend"/>: every recording throws.</summary>
internal sealed class ThrowingSeries(ThrowingMetricsBackend owner) : IMetricSeries
{
    public void Record(double value) => throw owner.Fail();
}
