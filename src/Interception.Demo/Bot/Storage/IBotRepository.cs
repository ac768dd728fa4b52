using Interception.Demo.Bot.Channels;
using Interception.Demo.Bot.Posts;
using Interception.Metrics;

namespace Interception.Demo.Bot.Storage;

/// <summary>The bot's database. Each query is timed as <see cref="MetricKind.Database"/> under its operation name.</summary>
internal interface IBotRepository
{
    [MetricsTimer(MetricKind.Database, Name = "select_channels")]
    Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "upsert_channel")]
    Task SaveChannelAsync(Channel channel, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "count_users")]
    Task<int> CountUsersAsync(CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "insert_post")]
    Task<Post> SavePostAsync(Post post, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "select_due_posts")]
    Task<IReadOnlyList<Post>> GetDuePostsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "count_scheduled_posts")]
    Task<int> CountScheduledPostsAsync(CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "mark_published")]
    Task MarkPublishedAsync(int postId, int messageId, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "update_views")]
    Task UpdateViewsAsync(int postId, int views, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.Database, Name = "stream_published_posts")]
    IAsyncEnumerable<Post> StreamPublishedPostsAsync(CancellationToken cancellationToken);
}
