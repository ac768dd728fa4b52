using System.Globalization;

namespace Interception.Demo.Tests.TestSupport;

/// <summary>Update JSON as Telegram sends it to a webhook (the Bot API's field names, Unix dates).</summary>
internal static class Updates
{
    public static string Message(int updateId, long userId, string text) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"from":{"id":{{{userId}}},"is_bot":false,"first_name":"User {{{userId}}}"},"chat":{"id":{{{userId}}},"type":"private","first_name":"User {{{userId}}}"},"date":1767225600,"text":"{{{text}}}"}}""");

    public static string ChannelPost(int updateId, long channelId, int messageId) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"update_id":{{{updateId}}},"channel_post":{"message_id":{{{messageId}}},"sender_chat":{"id":{{{channelId}}},"type":"channel","title":"Channel"},"chat":{"id":{{{channelId}}},"type":"channel","title":"Channel"},"date":1767225600,"text":"Post {{{messageId}}}"}}""");
}
