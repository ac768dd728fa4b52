using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>Sends the scheduled posts whose time has come. A post the Bot API refuses stays scheduled and is tried again.</summary>
internal sealed class PostPublisher(IPostRepository posts, IBotApi api, BusinessMetricsService business, TimeProvider time) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromSeconds(1);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "publish_due_posts")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var post in await posts.DueAsync(time.GetUtcNow(), 20, cancellationToken))
        {
            try
            {
                var message = await api.SendMessageAsync(post.ChannelId, post.Text, null, cancellationToken);
                await posts.MarkPublishedAsync(post.Id, message.Id, time.GetUtcNow(), cancellationToken);
                business.RecordPostSent();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Refused (429, 5xx) or timed out: counted, and sent on a later run.
                business.RecordPostSent("failed");
            }
        }
    }
}
