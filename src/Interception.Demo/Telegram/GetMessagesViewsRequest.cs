using Telegram.Bot.Requests;

namespace Interception.Demo.Telegram;

/// <summary>
/// <c>getMessagesViews</c>: the view counts of channel posts. The public Bot API has no such method (MTProto has
/// messages.getMessagesViews); the simulated Bot API answers it, and it shows a request type of one's own going
/// through Telegram.Bot's client like the built-in ones.
/// </summary>
internal sealed class GetMessagesViewsRequest() : RequestBase<int[]>("getMessagesViews")
{
    public required long ChatId { get; init; }

    public required int[] MessageIds { get; init; }
}
