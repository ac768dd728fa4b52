using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Interception.Demo.Telegram;

/// <summary>
/// The Bot API through Telegram.Bot's <see cref="ITelegramBotClient"/>. Each call gets a deadline of
/// <see cref="BotApiSettings.RequestTimeout"/> on top of the caller's token.
/// </summary>
internal sealed class BotApi(ITelegramBotClient client, BotApiSettings settings) : IBotApi
{
    public async Task<User> GetMeAsync(CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.GetMe(deadline.Token);
    }

    public async Task<Message> SendMessageAsync(long chatId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.SendMessage(chatId, text, replyMarkup: buttons, cancellationToken: deadline.Token);
    }

    public async Task<Message> EditMessageTextAsync(long chatId, int messageId, string text, InlineKeyboardMarkup? buttons, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.EditMessageText(chatId, messageId, text, replyMarkup: buttons, cancellationToken: deadline.Token);
    }

    public async Task AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        await client.AnswerCallbackQuery(callbackQueryId, text, cancellationToken: deadline.Token);
    }

    public async Task<ChatFullInfo> GetChatAsync(long chatId, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.GetChat(chatId, deadline.Token);
    }

    public async Task<int> GetChatMemberCountAsync(long chatId, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.GetChatMemberCount(chatId, deadline.Token);
    }

    public async Task<int[]> GetMessagesViewsAsync(long chatId, IReadOnlyList<int> messageIds, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(cancellationToken);
        return await client.SendRequest(new GetMessagesViewsRequest { ChatId = chatId, MessageIds = [.. messageIds] }, deadline.Token);
    }

    /// <summary>
    /// The caller's token, canceled also after the request timeout. Telegram.Bot rethrows a cancellation of the token
    /// it was given as it is (an <see cref="OperationCanceledException"/>), so a call past its deadline counts as canceled.
    /// </summary>
    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.RequestTimeout);
        return deadline;
    }
}
