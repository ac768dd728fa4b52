using Interception.Metrics.StatsD.Transport;

namespace Interception.Metrics.StatsD.Protocol;

/// <summary>
/// One bound series: the constant parts of its line are encoded once; recording only queues the value, which
/// the sender formats straight into its datagram buffer.
/// </summary>
internal sealed class StatsDSeries : IMetricSeries
{
    private readonly StatsDSender _sender;

    public StatsDSeries(StatsDSender sender, MetricType type, byte[] head, byte[] tail)
    {
        _sender = sender;
        Head = head;
        Tail = tail;
        IsGauge = type == MetricType.Gauge;
        IsTimer = type is MetricType.Histogram or MetricType.Summary;
    }

    /// <summary><c>{prefix}{name}:</c> in UTF-8.</summary>
    public byte[] Head { get; }

    /// <summary><c>|{type}|#tags</c> in UTF-8.</summary>
    public byte[] Tail { get; }

    /// <summary>Gauges: a negative value is sent after a zero, because a leading sign means "add" to statsd.</summary>
    public bool IsGauge { get; }

    /// <summary>Timers: the value is recorded in seconds and sent in milliseconds; statsd rejects negative timings.</summary>
    public bool IsTimer { get; }

    public void Record(double value)
    {
        if (!double.IsFinite(value) || (IsTimer && value < 0))
        {
            // Would be a bad line for the agent: dropped here, and counted like any other drop.
            _sender.CountDropped(1);
            return;
        }

        _sender.Enqueue(this, value);
    }
}
