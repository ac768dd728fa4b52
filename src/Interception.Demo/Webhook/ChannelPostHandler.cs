using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Metrics;
using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>
/// Stores channel posts. The first post of a channel the bot has not seen asks the Bot API for the channel's title and
/// subscribers. Timed per method.
/// </summary>
internal sealed class ChannelPostHandler(IChannelRepository channels, IPostRepository posts, IBotApi api) : IChannelPostHandler
{
    [MetricsTimer]
    public async Task HandlePostAsync(Message post, CancellationToken cancellationToken)
    {
        var chat = post.Chat;
        if (await channels.FindAsync(chat.Id, cancellationToken) is null)
        {
            var info = await api.GetChatAsync(chat.Id, cancellationToken);
            var subscribers = await api.GetChatMemberCountAsync(chat.Id, cancellationToken);
            await channels.SaveAsync(new Channel(chat.Id, info.Title ?? chat.Title ?? chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), info.Username, subscribers), cancellationToken);
        }

        await posts.SaveChannelPostAsync(chat.Id, post.Id, TextOf(post), Utc(post.Date), cancellationToken);
    }

    [MetricsTimer]
    public async Task HandleEditedPostAsync(Message post, CancellationToken cancellationToken)
    {
        var editedAt = Utc(post.EditDate ?? post.Date);
        if (!await posts.UpdateTextAsync(post.Chat.Id, post.Id, TextOf(post), editedAt, cancellationToken))
        {
            // An edit of a post the bot has not seen (it joined later): store the post as it is now.
            await HandlePostAsync(post, cancellationToken);
        }
    }

    private static string TextOf(Message post) => post.Text ?? post.Caption ?? string.Empty;

    /// <summary>Telegram's dates are Unix times; read as UTC whatever kind the deserializer gave them.</summary>
    private static DateTimeOffset Utc(DateTime date) => new(DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
