using Interception.Metrics.StatsD.Protocol;

namespace Interception.Metrics;

/// <summary>Settings of the <see cref="StatsDMetricsBackend"/>.</summary>
public sealed class StatsDMetricsBackendOptions
{
    /// <summary>The smallest accepted <see cref="MaxPacketSize"/>, in bytes.</summary>
    public const int MinPacketSize = 128;

    /// <summary>The largest accepted <see cref="MaxPacketSize"/>: the largest UDP payload over IPv4.</summary>
    public const int MaxUdpPayload = 65507;

    /// <summary>
    /// The agent's host name or IP address, without port or scheme; white space around it is ignored. Default
    /// <c>127.0.0.1</c>.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The agent's UDP port, 1 to 65535. Default 8125.</summary>
    public int Port { get; set; } = 8125;

    /// <summary>
    /// Prepended to every metric name, followed by a dot when it does not end with one (<c>myapp</c> gives
    /// <c>myapp.function_calls_total</c>). Default empty: no prefix.
    /// </summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// Recordings waiting to be sent, at least 1. When the queue is full further recordings are dropped and
    /// counted in <see cref="StatsDMetricsBackend.DroppedCount"/>; the caller never waits. Default 100,000.
    /// </summary>
    public int MaxQueueSize { get; set; } = 100_000;

    /// <summary>
    /// The largest datagram sent, in bytes, from <see cref="MinPacketSize"/> to <see cref="MaxUdpPayload"/>.
    /// The default 1432 fits an Ethernet MTU of 1500 without fragmentation; raise it only on loopback or jumbo frames.
    /// </summary>
    public int MaxPacketSize { get; set; } = 1432;

    /// <summary>
    /// How long a partly filled datagram may wait for more lines before it is sent, from zero (send as soon as
    /// the queue is empty) to one minute. Default 100 ms. Dispose sends at once, whatever the interval.
    /// </summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Distinct label sets per metric before new ones fold into the overflow series. Default 2000.</summary>
    public int CardinalityLimit { get; set; } = MetricsBackend.DefaultCardinalityLimit;

    /// <summary>Trims <see cref="Host"/>; throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Host, nameof(Host));
        Host = Host.Trim();
        if (AgentHost.Error(Host) is { } hostError)
        {
            throw new ArgumentException($"Invalid StatsD option Host: {hostError}", nameof(Host));
        }

        ArgumentNullException.ThrowIfNull(Prefix, nameof(Prefix));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueueSize, 1, nameof(MaxQueueSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacketSize, MinPacketSize, nameof(MaxPacketSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPacketSize, MaxUdpPayload, nameof(MaxPacketSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(FlushInterval, TimeSpan.Zero, nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FlushInterval, TimeSpan.FromMinutes(1), nameof(FlushInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(CardinalityLimit, 1, nameof(CardinalityLimit));
    }

    /// <summary>A copy, so that changing these options after the backend was created has no effect on it.</summary>
    internal StatsDMetricsBackendOptions Clone() => (StatsDMetricsBackendOptions)MemberwiseClone();
}
