using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>Refreshes the view counts of the posts refreshed longest ago, one Bot API call per channel.</summary>
internal sealed class PostViewRefresher(IPostRepository posts, IBotApi api, BusinessMetricsService business, TimeProvider time) : IRecurringJob
{
    private const int BatchSize = 50;

    public TimeSpan Interval => TimeSpan.FromSeconds(2);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "refresh_post_views", TrackInProgress = true)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stalest = await posts.StalestViewsAsync(BatchSize, cancellationToken);
        if (stalest.Count == 0)
        {
            return;
        }

        var views = new List<(long PostId, long Views)>(stalest.Count);
        foreach (var channel in stalest.GroupBy(post => post.ChannelId))
        {
            var batch = channel.ToArray();
            var counts = await api.GetMessagesViewsAsync(channel.Key, [.. batch.Select(post => (int)post.MessageId!.Value)], cancellationToken);
            views.AddRange(batch.Zip(counts, (post, count) => (post.Id, (long)count)));
        }

        await posts.UpdateViewsAsync(views, time.GetUtcNow(), cancellationToken);
        business.RecordPostViewsUpdate();
    }
}
