namespace Interception.Metrics;

/// <summary>
/// The standalone <c>/metrics</c> endpoint of a <see cref="PrometheusMetricsBackend"/>, served by a Kestrel listener of
/// its own (outside any application pipeline). Configured under <c>Metrics:Backends:Prometheus:Server</c>. It answers
/// GET and HEAD at <see cref="Path"/> in the format the <c>Accept</c> header asks for, and other paths with a 404 that
/// names <see cref="Path"/>.
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
    /// Where to listen. Default <c>127.0.0.1</c>, reachable from this machine only; <c>localhost</c> listens on
    /// <c>127.0.0.1</c> and <c>[::1]</c>; <c>::1</c> (or <c>[::1]</c>) on IPv6 loopback; an IP address or host name on
    /// that address. <c>*</c>, <c>+</c> or <c>0.0.0.0</c> listen on every interface: expose the endpoint that way
    /// deliberately. Bound to loopback, the server answers the <c>Host</c> names <c>localhost</c>, <c>127.0.0.1</c> and
    /// <c>[::1]</c> (and this value) and refuses others, so that a web page cannot read it through DNS rebinding.
    /// </summary>
    public string Host { get; set; } = DefaultHost;

    /// <summary>The TCP port, 1 to 65535. Default 9464.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The URL path of the endpoint: starts with <c>/</c>, written unescaped (no <c>%</c>). Default <c>/metrics</c>.</summary>
    public string Path { get; set; } = DefaultPath;
}
