namespace Interception.Metrics.Backends.Series;

/// <summary>A series that records nothing.</summary>
internal sealed class NullSeries : IMetricSeries
{
    public static NullSeries Instance { get; } = new();

    public void Record(double value)
    {
    }
}
