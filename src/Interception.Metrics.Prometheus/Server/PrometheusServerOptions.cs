namespace Interception.Metrics;

/// <summary>
/// The <c>/metrics</c> endpoint of a <see cref="PrometheusMetricsBackend"/>, served by prometheus-net's own
/// <c>MetricServer</c> (<see cref="System.Net.HttpListener"/>; no ASP.NET Core needed). Configured under
/// <c>Metrics:Backends:Prometheus:Server</c>.
/// </summary>
public sealed class PrometheusServerOptions
{
    /// <summary>The default <see cref="Host"/>: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>The default <see cref="Port"/>.</summary>
    public const int DefaultPort = 9464;

    /// <summary>The default <see cref="Path"/>.</summary>
    public const string DefaultPath = "/metrics";

    /// <summary>Whether the backend serves its metrics over HTTP. Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The host name or IPv4 address to listen on. Default <c>127.0.0.1</c>, reachable from this machine only.
    /// <c>*</c>, <c>+</c> or <c>0.0.0.0</c> listen on every interface and accept any <c>Host</c> header: expose the
    /// endpoint that way deliberately. With a specific host, requests must use it in their <c>Host</c> header
    /// (with the default, scrape <c>127.0.0.1:9464</c>, not <c>localhost:9464</c>).
    /// </summary>
    public string Host { get; set; } = DefaultHost;

    /// <summary>The TCP port, 1 to 65535. Default 9464.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The URL path of the endpoint; starts with <c>/</c>. Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = DefaultPath;
}
