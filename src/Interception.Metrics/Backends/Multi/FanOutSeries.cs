namespace Interception.Metrics.Backends.Multi;

/// <summary>
/// One bound series of every child; a child that throws is reported and never stops the others. A value the metric
/// refuses reaches no child.
/// </summary>
internal sealed class FanOutSeries(IMetricSeries[] children, int[] childIndexes, BackendFailures failures, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (!guard.Accept(value))
        {
            return;
        }

        for (var i = 0; i < children.Length; i++)
        {
            try
            {
                children[i].Record(value);
            }
            catch (Exception exception)
            {
                failures.Report(childIndexes[i], exception, nameof(Record));
            }
        }
    }
}
