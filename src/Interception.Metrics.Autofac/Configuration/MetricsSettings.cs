namespace Interception.Metrics.Configuration;

/// <summary>
/// The validated "Metrics" section. <c>AppVersion</c> and <c>AppEnvironment</c> are <see langword="null"/> when not
/// configured; <c>WarmUp</c> generates the proxy types of components registered by type when the container is built.
/// </summary>
internal sealed record MetricsSettings(
    bool Enabled,
    bool AutoIntercept,
    bool WarmUp,
    int CardinalityLimit,
    IReadOnlyList<double> HistogramBuckets,
    string? AppVersion,
    string? AppEnvironment,
    bool DeclareTelegramBotMetrics,
    bool Tracing,
    ProxyMode Proxy,
    IReadOnlyList<EnabledBackend> Backends);
