namespace Interception.Metrics.Backends.Multi;

/// <summary>
/// The fan-out's series when it has one child: that child's series, with its failures reported, never thrown. A
/// value the metric refuses does not reach it.
/// </summary>
internal sealed class GuardedSeries(IMetricSeries child, int childIndex, BackendFailures failures, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (!guard.Accept(value))
        {
            return;
        }

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
