using System.Globalization;
using Interception.Demo.Storage;
using Interception.Demo.Telegram;
using Interception.Metrics;
using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>Remembers who wrote and answers the command; timed by the class's attribute, with no timing code in the bodies.</summary>
[MetricsTimer]
internal sealed class MessageHandler(
    IUserRepository users,
    IChannelRepository channels,
    IPostRepository posts,
    IBotApi api,
    TimeProvider time) : IMessageHandler
{
    /// <summary>How long after /schedule a post goes out (short, so that the demo shows it).</summary>
    private static readonly TimeSpan ScheduleDelay = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        if (message.From is { } from)
        {
            await users.SaveAsync(new BotUser(from.Id, from.FirstName, from.Username), cancellationToken);
        }

        var chatId = message.Chat.Id;
        var (command, argument) = Command(message.Text);
        switch (command)
        {
            case "/start":
                await api.SendMessageAsync(chatId, BotReplies.Welcome, BotReplies.StatsButton(), cancellationToken);
                break;
            case "/stats":
                var stats = await channels.StatsAsync(5, cancellationToken);
                await api.SendMessageAsync(chatId, BotReplies.Stats(stats), BotReplies.StatsButton(), cancellationToken);
                break;
            case "/schedule":
                await api.SendMessageAsync(chatId, await ScheduleAsync(argument, cancellationToken), null, cancellationToken);
                break;
            default:
                await api.SendMessageAsync(chatId, BotReplies.Help, null, cancellationToken);
                break;
        }
    }

    private async Task<string> ScheduleAsync(string argument, CancellationToken cancellationToken)
    {
        var parts = argument.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var channelId))
        {
            return BotReplies.ScheduleUsage;
        }

        if (await channels.FindAsync(channelId, cancellationToken) is null)
        {
            return BotReplies.UnknownChannel(channelId);
        }

        var publishAt = time.GetUtcNow() + ScheduleDelay;
        await posts.ScheduleAsync(channelId, parts[1], publishAt, cancellationToken);
        return BotReplies.Scheduled(channelId, publishAt);
    }

    /// <summary>"/stats@bot_name rest" is ("/stats", "rest"); text that is no command is ("", text).</summary>
    private static (string Command, string Argument) Command(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return (string.Empty, text ?? string.Empty);
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var command = space < 0 ? text : text[..space];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        return (at < 0 ? command : command[..at], space < 0 ? string.Empty : text[(space + 1)..]);
    }
}
