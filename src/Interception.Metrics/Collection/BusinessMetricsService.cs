using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>Records the bot's business gauges and counters. Never throws because of a backend.</summary>
public sealed class BusinessMetricsService
{
    private readonly MultiMetricsBackend _backend;
    private readonly IMetricSeries _channels;
    private readonly IMetricSeries _users;
    private readonly IMetricSeries _scheduledPosts;
    private readonly IMetricSeries _postViewsUpdates;

    /// <summary>Creates the service and declares its catalogue metrics on <paramref name="backend"/>.</summary>
    public BusinessMetricsService(IMetricsBackend backend)
    {
        _backend = BackendGuard.Wrap(backend);
        BackendGuard.InitializeAll(_backend, MetricCatalogue.Business);
        _channels = _backend.Bind(MetricNames.BotChannels, []);
        _users = _backend.Bind(MetricNames.BotUsers, []);
        _scheduledPosts = _backend.Bind(MetricNames.BotScheduledPosts, []);
        _postViewsUpdates = _backend.Bind(MetricNames.BotPostViewsUpdates, []);
    }

    /// <summary>Sets the channel, user and scheduled post gauges.</summary>
    public void UpdateBusinessMetrics(BusinessMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        UpdateChannelsCount(metrics.ChannelsCount);
        UpdateUsersCount(metrics.UsersCount);
        UpdateScheduledPostsCount(metrics.ScheduledPostsCount);
    }

    /// <summary>Counts one post sent, by <paramref name="status"/>.</summary>
    public void RecordPostSent(string status = "success")
    {
        ArgumentNullException.ThrowIfNull(status);
        _backend.Bind(MetricNames.BotPostsSent, [status]).Record(1);
    }

    /// <summary>Counts one refresh of post view counts.</summary>
    public void RecordPostViewsUpdate() => _postViewsUpdates.Record(1);

    /// <summary>Sets <c>bot_channels</c>.</summary>
    public void UpdateChannelsCount(int count) => _channels.Record(count);

    /// <summary>Sets <c>bot_users</c>.</summary>
    public void UpdateUsersCount(int count) => _users.Record(count);

    /// <summary>Sets <c>bot_scheduled_posts</c>.</summary>
    public void UpdateScheduledPostsCount(int count) => _scheduledPosts.Record(count);
}
