using Interception.Demo.Bot.Channels;
using Interception.Demo.Bot.Posts;
using Interception.Demo.Bot.Telegram;
using Interception.Metrics;

namespace Interception.Demo.Bot.Updates;

/// <summary>
/// Routes an update to the use case it asks for. The handling is timed by the attribute; counting updates by
/// type and outcome is the analytics the bot reports, recorded through the collector.
/// </summary>
internal sealed class UpdateHandler(
    IChannelService channels,
    IPostService posts,
    ITelegramApiClient telegram,
    MetricsCollectorService collector) : IUpdateHandler
{
    [MetricsTimer]
    public async Task HandleAsync(TelegramUpdate update, CancellationToken cancellationToken)
    {
        var status = "success";
        try
        {
            switch (update.Type)
            {
                case "channel_post":
                    await channels.ConnectChannelAsync(update.ChatId, $"channel {update.ChatId}", cancellationToken);
                    break;
                case "message" when update.Text?.StartsWith("/schedule", StringComparison.Ordinal) == true:
                    await posts.SchedulePostAsync(update.ChatId, update.Text, TimeSpan.FromMilliseconds(500), cancellationToken);
                    break;
                case "message":
                    await telegram.SendMessageAsync(update.ChatId, "Use /schedule <text> to plan a post.", cancellationToken);
                    break;
                default:
                    await channels.GetChannelsAsync(cancellationToken);
                    break;
            }
        }
        catch (OperationCanceledException)
        {
            status = "canceled";
            throw;
        }
        catch (Exception)
        {
            status = "failed";
            throw;
        }
        finally
        {
            collector.RecordTelegramUpdate(new TelegramUpdateMetric(update.Type, status));
        }
    }
}
