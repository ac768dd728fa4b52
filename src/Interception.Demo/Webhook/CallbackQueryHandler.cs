using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Metrics;
using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>The "Channel stats" button: answers the query and replaces the message with fresh numbers.</summary>
[MetricsTimer]
internal sealed class CallbackQueryHandler(IChannelRepository channels, IBotApi api) : ICallbackQueryHandler
{
    public async Task HandleAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        if (query.Data != BotReplies.StatsButtonData)
        {
            await api.AnswerCallbackQueryAsync(query.Id, "This button is no longer in use.", cancellationToken);
            return;
        }

        var stats = await channels.StatsAsync(5, cancellationToken);
        await api.AnswerCallbackQueryAsync(query.Id, null, cancellationToken);
        if (query.Message is { } message)
        {
            await api.EditMessageTextAsync(message.Chat.Id, message.Id, BotReplies.Stats(stats), BotReplies.StatsButton(), cancellationToken);
        }
    }
}
