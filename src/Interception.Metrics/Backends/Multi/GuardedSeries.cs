namespace Interception.Metrics.Backends.Multi;

/// <summary>The fan-out's series when it has one child: that child's series, with its failures reported, never thrown.</summary>
internal sealed class GuardedSeries(IMetricSeries child, int childIndex, BackendFailures failures) : IMetricSeries
{
    public void Record(double value)
    {
        try
        {
            child.Record(value);
        }
        catch (Exception exception)
        {
            failures.Report(childIndex, exception, nameof(Record));
        }
    }
}
