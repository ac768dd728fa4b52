using Interception.Metrics;

namespace Interception.Demo.Storage;

/// <summary>The channels the bot is in.</summary>
internal interface IChannelRepository
{
    /// <summary>The channel, or <see langword="null"/> when the bot has not seen it yet.</summary>
    [MetricsTimer(MetricKind.Database, Name = "select_channel")]
    Task<Channel?> FindAsync(long channelId, CancellationToken cancellationToken);

    /// <summary>Adds the channel, or updates its title, username and subscribers.</summary>
    [MetricsTimer(MetricKind.Database, Name = "upsert_channel")]
    Task SaveAsync(Channel channel, CancellationToken cancellationToken);

    /// <summary>Each channel with its subscribers, posts and their views, the most viewed first.</summary>
    [MetricsTimer(MetricKind.Database, Name = "select_channel_stats")]
    Task<IReadOnlyList<ChannelStats>> StatsAsync(int limit, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "count_channels")]
    Task<int> CountAsync(CancellationToken cancellationToken);
}
