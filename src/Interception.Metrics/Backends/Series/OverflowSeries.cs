namespace Interception.Metrics.Backends.Series;

/// <summary>
/// The series a label set folds into once its metric reached the cardinality limit: records into the metric's
/// overflow series and counts the folded recording.
/// </summary>
internal sealed class OverflowSeries(IMetricSeries overflow, IMetricSeries foldedCounter) : IMetricSeries
{
    public void Record(double value)
    {
        overflow.Record(value);
        foldedCounter.Record(1);
    }
}
