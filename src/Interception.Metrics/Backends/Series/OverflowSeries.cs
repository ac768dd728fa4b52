namespace Interception.Metrics.Backends.Series;

/// <summary>
/// The series a label set folds into once its metric reached the cardinality limit: records into the metric's
/// overflow series and counts the folded recording. A value the metric refuses is dropped (and counted as invalid),
/// not folded.
/// </summary>
internal sealed class OverflowSeries(IMetricSeries overflow, IMetricSeries foldedCounter, MetricValueGuard guard) : IMetricSeries
{
    public void Record(double value)
    {
        if (!guard.Accept(value))
        {
            return;
        }

        overflow.Record(value);
        foldedCounter.Record(1);
    }
}
