using Interception.Metrics;

namespace Interception.Demo.Bot.Telegram;

/// <summary>The Telegram Bot API. Each call is timed as <see cref="MetricKind.TelegramApi"/> under the API method's name.</summary>
internal interface ITelegramApiClient
{
    [MetricsTimer(MetricKind.TelegramApi, Name = "sendMessage")]
    Task<TelegramMessage> SendMessageAsync(long chatId, string text, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "getChatMemberCount")]
    Task<int> GetChatMemberCountAsync(long chatId, CancellationToken cancellationToken);

    [MetricsTimer(MetricKind.TelegramApi, Name = "getMessageViews")]
    ValueTask<int> GetMessageViewsAsync(long chatId, int messageId, CancellationToken cancellationToken);

    bool IsReachable { get; }
}
