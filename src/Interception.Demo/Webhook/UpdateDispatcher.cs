using Interception.Demo.Storage;
using Interception.Metrics;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Interception.Demo.Webhook;

/// <summary>
/// Claims the update by its <c>update_id</c> (a redelivery finds it claimed and is not handled twice), routes it to
/// its handler and counts it in <c>telegram_updates_total{update_type,status}</c>. When handling fails the claim is
/// released, so that Telegram's redelivery is handled again. Timed by its attribute; the count is the bot's analytics.
/// </summary>
internal sealed class UpdateDispatcher(
    IUpdateLog updates,
    IMessageHandler messages,
    IChannelPostHandler channelPosts,
    ICallbackQueryHandler callbacks,
    MetricsCollectorService metrics,
    ILogger<UpdateDispatcher> logger) : IUpdateDispatcher
{
    [MetricsTimer(TrackInProgress = true)]
    public async Task<UpdateOutcome> DispatchAsync(Update update, CancellationToken cancellationToken)
    {
        var type = UpdateLabels.Of(update.Type);
        var handling = Handler(update);
        if (handling is null)
        {
            return Count(type, UpdateOutcome.Ignored);
        }

        var claimed = false;
        try
        {
            claimed = await updates.TryClaimAsync(update.Id, type, cancellationToken);
            if (!claimed)
            {
                return Count(type, UpdateOutcome.Duplicate);
            }

            await handling(cancellationToken);
            return Count(type, UpdateOutcome.Success);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(update.Id, claimed);
            Count(type, UpdateOutcome.Canceled);
            throw;
        }
        catch (Exception exception)
        {
            // A Bot API call refused or timed out, or the database failed: each was timed and counted where it happened.
            logger.LogDebug(exception, "Update {UpdateId} ({UpdateType}) failed.", update.Id, type);
            await ReleaseAsync(update.Id, claimed);
            return Count(type, UpdateOutcome.Failed);
        }
    }

    private Func<CancellationToken, Task>? Handler(Update update) => update.Type switch
    {
        UpdateType.Message => ct => messages.HandleAsync(update.Message!, ct),
        UpdateType.ChannelPost => ct => channelPosts.HandlePostAsync(update.ChannelPost!, ct),
        UpdateType.EditedChannelPost => ct => channelPosts.HandleEditedPostAsync(update.EditedChannelPost!, ct),
        UpdateType.CallbackQuery => ct => callbacks.HandleAsync(update.CallbackQuery!, ct),
        _ => null,
    };

    private async Task ReleaseAsync(int updateId, bool claimed)
    {
        if (!claimed)
        {
            return;
        }

        try
        {
            // Not with the request's token: the claim must go even when the request was aborted.
            await updates.ReleaseAsync(updateId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Update {UpdateId} failed and its claim could not be released; a redelivery will count as a duplicate.", updateId);
        }
    }

    private UpdateOutcome Count(string type, UpdateOutcome outcome)
    {
        metrics.RecordTelegramUpdate(new TelegramUpdateMetric(type, UpdateLabels.Of(outcome)));
        return outcome;
    }
}
