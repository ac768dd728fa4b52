namespace Interception.Metrics.Backends.Multi;

/// <summary>One bound series of every child; a child that throws is reported and never stops the others.</summary>
internal sealed class FanOutSeries(IMetricSeries[] children, int[] childIndexes, BackendFailures failures) : IMetricSeries
{
    public void Record(double value)
    {
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
