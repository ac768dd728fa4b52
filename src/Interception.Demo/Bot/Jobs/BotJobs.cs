using Interception.Demo.Bot.Channels;
using Interception.Demo.Bot.Storage;
using Interception.Demo.Bot.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Bot.Jobs;

/// <summary>The background tasks. Timing comes from the interface's attribute; the bodies only do the work.</summary>
internal sealed class BotJobs(
    IBotRepository repository,
    IChannelService channels,
    ITelegramApiClient telegram,
    BusinessMetricsService business) : IBotJobs
{
    public async Task<int> UpdatePostViewsAsync(CancellationToken cancellationToken)
    {
        var updated = 0;
        await foreach (var post in repository.StreamPublishedPostsAsync(cancellationToken))
        {
            var views = await telegram.GetMessageViewsAsync(post.ChannelId, post.MessageId ?? 0, cancellationToken);
            await repository.UpdateViewsAsync(post.Id, views, cancellationToken);
            updated++;
        }

        business.RecordPostViewsUpdate();
        return updated;
    }

    public async Task RefreshBusinessMetricsAsync(CancellationToken cancellationToken)
    {
        var connected = await channels.GetChannelsAsync(cancellationToken);
        var users = await repository.CountUsersAsync(cancellationToken);
        var scheduled = await repository.CountScheduledPostsAsync(cancellationToken);
        business.UpdateBusinessMetrics(new BusinessMetrics(connected.Count, users, scheduled, DateTimeOffset.UtcNow));
    }

    public Task CollectSystemMetricsAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
