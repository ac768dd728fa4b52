using Interception.Demo.Bot.Storage;
using Interception.Demo.Bot.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Bot.Posts;

/// <summary>Post use cases. Timed per method; counting sent posts is business data, not timing.</summary>
internal sealed class PostService(
    IBotRepository repository,
    ITelegramApiClient telegram,
    BusinessMetricsService business,
    TimeProvider time) : IPostService
{
    [MetricsTimer]
    public async Task<Post> SchedulePostAsync(long channelId, string text, TimeSpan delay, CancellationToken cancellationToken)
    {
        var post = new Post(0, channelId, text, time.GetUtcNow() + delay);
        return await repository.SavePostAsync(post, cancellationToken);
    }

    [MetricsTimer(Labels = ["pipeline=publishing"])]
    public async Task<int> PublishDuePostsAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var post in await repository.GetDuePostsAsync(time.GetUtcNow(), cancellationToken))
        {
            try
            {
                var message = await telegram.SendMessageAsync(post.ChannelId, post.Text, cancellationToken);
                await repository.MarkPublishedAsync(post.Id, message.MessageId, cancellationToken);
                business.RecordPostSent();
                published++;
            }
            catch (TelegramApiException)
            {
                business.RecordPostSent("failed");
            }
        }

        return published;
    }
}
