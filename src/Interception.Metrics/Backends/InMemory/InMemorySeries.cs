namespace Interception.Metrics.Backends.InMemory;

/// <summary>One series of the in-memory backend: a counter or gauge value, or a histogram's count, sum, min and max.</summary>
internal sealed class InMemorySeries(MetricType type, IReadOnlyDictionary<string, string> labels, MetricValueGuard guard) : IMetricSeries
{
    private readonly Lock _gate = new();
    private double _value;
    private long _count;
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private bool _recorded;

    public MetricType Type { get; } = type;

    public IReadOnlyDictionary<string, string> Labels { get; } = labels;

    /// <summary>Whether anything was recorded: a gauge that was bound but never set has no value.</summary>
    public bool HasBeenRecorded
    {
        get
        {
            lock (_gate)
            {
                return _recorded;
            }
        }
    }

    public void Record(double value)
    {
        if (!guard.Accept(value))
        {
            return;
        }

        lock (_gate)
        {
            _recorded = true;
            switch (Type)
            {
                case MetricType.Counter:
                    _value += value;
                    break;
                case MetricType.Gauge:
                    _value = value;
                    break;
                default:
                    _count++;
                    _sum += value;
                    _min = Math.Min(_min, value);
                    _max = Math.Max(_max, value);
                    break;
            }
        }
    }

    public MetricSample Snapshot()
    {
        lock (_gate)
        {
            return Type is MetricType.Counter or MetricType.Gauge
                ? new MetricSample(Labels, _value, 0, 0, 0, 0)
                : new MetricSample(Labels, _sum, _count, _sum, _count == 0 ? 0 : _min, _count == 0 ? 0 : _max);
        }
    }
}
