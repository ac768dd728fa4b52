namespace Interception.Benchmarks.Setup;

/// <summary>How the container of one of our contenders is configured.</summary>
public enum MetricsSetup
{
    /// <summary>Every configured backend off; only a user-registered <c>NullMetricsBackend</c>: the interceptor's own cost.</summary>
    Null,

    /// <summary>The in-memory backend only.</summary>
    InMemory,

    /// <summary>The Prometheus backend only (the default configuration).</summary>
    Prometheus,

    /// <summary>The System.Diagnostics.Metrics backend only (no listener subscribed).</summary>
    Meter,

    /// <summary>The StatsD backend only, sending to a loopback port nobody listens on.</summary>
    StatsD,

    /// <summary>Prometheus, Meter and StatsD together behind the fan-out.</summary>
    FanOut,

    /// <summary><c>Metrics:Enabled=false</c>: nothing is proxied.</summary>
    Disabled,
}
