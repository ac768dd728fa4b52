namespace Interception.Metrics;

/// <summary>The bot's business gauges at one moment.</summary>
/// <param name="ChannelsCount">Connected channels.</param>
/// <param name="UsersCount">Registered users.</param>
/// <param name="ScheduledPostsCount">Posts waiting to be published.</param>
/// <param name="CollectedAt">When the numbers were read; <see langword="null"/> when unknown.</param>
public sealed record BusinessMetrics(int ChannelsCount, int UsersCount, int ScheduledPostsCount, DateTimeOffset? CollectedAt = null);
