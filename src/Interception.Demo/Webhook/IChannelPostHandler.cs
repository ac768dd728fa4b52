using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>Records the posts of the channels the bot is in, and their edits.</summary>
internal interface IChannelPostHandler
{
    Task HandlePostAsync(Message post, CancellationToken cancellationToken);

    Task HandleEditedPostAsync(Message post, CancellationToken cancellationToken);
}
