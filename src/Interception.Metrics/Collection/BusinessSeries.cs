namespace Interception.Metrics.Collection;

/// <summary>The bound series of <see cref="BusinessMetricsService"/>, created together when it first records.</summary>
internal sealed record BusinessSeries(IMetricSeries Channels, IMetricSeries Users, IMetricSeries ScheduledPosts, IMetricSeries PostViewsUpdates);
