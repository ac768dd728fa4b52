using Interception.Metrics;

namespace Interception.Demo.Storage;

/// <summary>Channel posts the bot has seen, and posts scheduled through it.</summary>
internal interface IPostRepository
{
    /// <summary>Stores a post seen in a channel; <see langword="false"/> when that message was stored before.</summary>
    [MetricsTimer(MetricKind.Database, Name = "insert_post")]
    Task<bool> SaveChannelPostAsync(long channelId, long messageId, string text, DateTimeOffset publishedAt, CancellationToken cancellationToken);

    /// <summary>Replaces the text of an edited channel post; <see langword="false"/> when the post is not known.</summary>
    [MetricsTimer(MetricKind.Database, Name = "update_post_text")]
    Task<bool> UpdateTextAsync(long channelId, long messageId, string text, DateTimeOffset editedAt, CancellationToken cancellationToken);

    /// <summary>Schedules a post for <paramref name="publishAt"/>; returns its id.</summary>
    [MetricsTimer(MetricKind.Database, Name = "insert_scheduled_post")]
    Task<long> ScheduleAsync(long channelId, string text, DateTimeOffset publishAt, CancellationToken cancellationToken);

    /// <summary>Scheduled posts whose time has come, the oldest first.</summary>
    [MetricsTimer(MetricKind.Database, Name = "select_due_posts")]
    Task<IReadOnlyList<Post>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a scheduled post as sent with the message id the Bot API gave it.</summary>
    [MetricsTimer(MetricKind.Database, Name = "mark_published")]
    Task MarkPublishedAsync(long postId, long messageId, DateTimeOffset publishedAt, CancellationToken cancellationToken);

    /// <summary>The posts whose views were refreshed longest ago (never first).</summary>
    [MetricsTimer(MetricKind.Database, Name = "select_posts_for_views")]
    Task<IReadOnlyList<Post>> StalestViewsAsync(int limit, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "update_views")]
    Task UpdateViewsAsync(IReadOnlyList<(long PostId, long Views)> views, DateTimeOffset at, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "count_scheduled_posts")]
    Task<int> CountScheduledAsync(CancellationToken cancellationToken);
}
