using System.Globalization;
using System.Text;
using Interception.Demo.Storage;
using Telegram.Bot.Types.ReplyMarkups;

namespace Interception.Demo.Webhook;

/// <summary>What the bot says, and the button under its messages.</summary>
internal static class BotReplies
{
    /// <summary>The callback data of the "Channel stats" button.</summary>
    public const string StatsButtonData = "stats";

    public const string Welcome = "Hi! I follow the channels I am an admin of and count their posts and views. /stats shows them; /schedule <channel id> <text> posts for you.";

    public const string Help = "I know /start, /stats and /schedule <channel id> <text>.";

    public const string ScheduleUsage = "Usage: /schedule <channel id> <text>, for a channel I am an admin of.";

    /// <summary>The "Channel stats" button, new for each message (Telegram.Bot's markup types are mutable).</summary>
    public static InlineKeyboardMarkup StatsButton() => new(InlineKeyboardButton.WithCallbackData("Channel stats", StatsButtonData));

    public static string Stats(IReadOnlyList<ChannelStats> channels)
    {
        if (channels.Count == 0)
        {
            return "No channels yet: add me to a channel as an admin.";
        }

        var text = new StringBuilder("Channels, most viewed first:");
        foreach (var channel in channels)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{channel.Title}: {channel.Subscribers} subscribers, {channel.Posts} posts, {channel.Views} views");
        }

        return text.ToString();
    }

    public static string Scheduled(long channelId, DateTimeOffset publishAt) =>
        string.Create(CultureInfo.InvariantCulture, $"Scheduled for channel {channelId} at {publishAt:HH:mm:ss} UTC.");

    public static string UnknownChannel(long channelId) =>
        string.Create(CultureInfo.InvariantCulture, $"I am not in channel {channelId}. {ScheduleUsage}");
}
