namespace Interception.Metrics.Configuration;

/// <summary>The validated "Metrics" section. <c>AppVersion</c> and <c>AppEnvironment</c> are <see langword="null"/> when not configured.</summary>
internal sealed record MetricsSettings(
    bool Enabled,
    bool AutoIntercept,
    int CardinalityLimit,
    IReadOnlyList<double> HistogramBuckets,
    string? AppVersion,
    string? AppEnvironment,
    bool DeclareTelegramBotMetrics,
    bool Tracing,
    ProxyMode Proxy,
    IReadOnlyList<EnabledBackend> Backends);
