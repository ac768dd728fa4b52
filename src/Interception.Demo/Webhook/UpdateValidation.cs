using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Interception.Demo.Webhook;

/// <summary>
/// What the JSON must hold beyond being well-formed: Telegram.Bot's types accept <c>{}</c> or a message without a
/// chat, which Telegram never sends; the webhook refuses them (400) rather than failing halfway through handling.
/// </summary>
internal static class UpdateValidation
{
    /// <summary>Why <paramref name="update"/> is not a Telegram update, or <see langword="null"/> when it is one.</summary>
    public static string? Problem(Update? update) => update switch
    {
        null => "the body is JSON null, not an update",
        { Id: <= 0 } => "update_id must be a positive number",
        { Type: UpdateType.Message or UpdateType.EditedMessage or UpdateType.ChannelPost or UpdateType.EditedChannelPost } =>
            MessageOf(update) is { Chat: not null, Id: > 0 } ? null : $"{UpdateLabels.Of(update.Type)} needs message_id and chat",
        { Type: UpdateType.CallbackQuery, CallbackQuery: { Id: not null, From: not null } } => null,
        { Type: UpdateType.CallbackQuery } => "callback_query needs id and from",
        _ => null,
    };

    private static Message? MessageOf(Update update) =>
        update.Message ?? update.EditedMessage ?? update.ChannelPost ?? update.EditedChannelPost;
}
