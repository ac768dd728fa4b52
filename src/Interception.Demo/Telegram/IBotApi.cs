using Interception.Metrics;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Interception.Demo.Telegram;

/// <summary>
/// The Bot API methods the bot uses, each timed as <see cref="MetricKind.TelegramApi"/> under its Bot API name. A call
/// that the API refuses (429, 5xx) throws Telegram.Bot's <c>ApiRequestException</c> and counts as <c>failed</c>; a call
/// that runs past <c>Telegram:RequestTimeout</c> is canceled and counts as <c>canceled</c>.
/// </summary>
internal interface IBotApi
{
    [MetricsTimer(MetricKind.TelegramApi, Name = "getMe")]
    Task<User> GetMeAsync(CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "sendMessage", TrackInProgress = true)]
    Task<Message> SendMessageAsync(long chatId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "editMessageText")]
    Task<Message> EditMessageTextAsync(long chatId, int messageId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "answerCallbackQuery")]
    Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "getChat")]
    Task<ChatFullInfo> GetChatAsync(long chatId, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "getChatMemberCount")]
    Task<int> GetChatMemberCountAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>The view counts of channel posts, in the order of <paramref name="messageIds"/>.</summary>
    [MetricsTimer(MetricKind.TelegramApi, Name = "getMessagesViews")]
    Task<int[]> GetMessagesViewsAsync(long chatId, IReadOnlyList<int> messageIds, CancellationToken cancellationToken);
}
