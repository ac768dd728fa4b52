using Interception.Metrics.StatsD.Transport;

namespace Interception.Metrics.StatsD.Protocol;

/// <summary>
/// One bound series: the constant parts of its line are encoded once; recording only queues the value, which
/// the sender formats straight into its datagram buffer.
/// </summary>
internal sealed class StatsDSeries : IMetricSeries
{
    private readonly StatsDSender _sender;
    private readonly MetricValueGuard _guard;

    public StatsDSeries(StatsDSender sender, MetricDefinition definition, byte[] head, byte[] tail, MetricValueGuard guard)
    {
        _sender = sender;
        _guard = guard;
        Head = head;
        Tail = tail;
        IsGauge = definition.Type == MetricType.Gauge;
        InMilliseconds = StatsDLineFormat.IsDuration(definition);
    }

    /// <summary><c>{prefix}{name}:</c> in UTF-8.</summary>
    public byte[] Head { get; }

    /// <summary><c>|{type}|#tags</c> in UTF-8.</summary>
    public byte[] Tail { get; }

    /// <summary>Gauges: a negative value is sent after a zero, because a leading sign means "add" to statsd.</summary>
    public bool IsGauge { get; }

    /// <summary>Durations: recorded in seconds, sent in milliseconds as a StatsD timer.</summary>
    public bool InMilliseconds { get; }

    public void Record(double value)
    {
        // A value the metric cannot record is counted by the guard (as invalid, not as dropped) and never queued.
        if (_guard.Accept(value))
        {
            _sender.Enqueue(this, value);
        }
    }
}
