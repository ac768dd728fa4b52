using Interception.Metrics.Collection;

namespace Interception.Metrics;

/// <summary>
/// Records the bot's business gauges and counters. Its metrics (<see cref="MetricCatalogue.Business"/>) are declared
/// when it first records, so an application that never uses it exposes none of them. Never throws because of a backend.
/// </summary>
public sealed class BusinessMetricsService
{
    private readonly MultiMetricsBackend _backend;
    private BusinessSeries? _series;

    /// <summary>Creates the service; nothing is declared on <paramref name="backend"/> until it first records.</summary>
    public BusinessMetricsService(IMetricsBackend backend)
    {
        _backend = BackendGuard.Wrap(backend);
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
        _ = Series;
        _backend.Bind(MetricNames.BotPostsSent, [status]).Record(1);
    }

    /// <summary>Counts one refresh of post view counts.</summary>
    public void RecordPostViewsUpdate() => Series.PostViewsUpdates.Record(1);

    /// <summary>Sets <c>bot_channels</c>.</summary>
    public void UpdateChannelsCount(int count) => Series.Channels.Record(count);

    /// <summary>Sets <c>bot_users</c>.</summary>
    public void UpdateUsersCount(int count) => Series.Users.Record(count);

    /// <summary>Sets <c>bot_scheduled_posts</c>.</summary>
    public void UpdateScheduledPostsCount(int count) => Series.ScheduledPosts.Record(count);

    /// <summary>Declares the bot metrics unless already done: on first use, or at startup when configuration asks for it.</summary>
    internal void DeclareMetrics() => _ = Series;

    private BusinessSeries Series => Volatile.Read(ref _series) ?? Declare();

    private BusinessSeries Declare()
    {
        // Two threads may both get here: declaring and binding again returns the same series.
        BackendGuard.InitializeAll(_backend, MetricCatalogue.Business);
        var series = new BusinessSeries(
            _backend.Bind(MetricNames.BotChannels, []),
            _backend.Bind(MetricNames.BotUsers, []),
            _backend.Bind(MetricNames.BotScheduledPosts, []),
            _backend.Bind(MetricNames.BotPostViewsUpdates, []));
        Volatile.Write(ref _series, series);
        return series;
    }
}
