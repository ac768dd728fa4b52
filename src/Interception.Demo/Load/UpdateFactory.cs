using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Interception.Demo.Load;

/// <summary>
/// Makes the webhook calls Telegram would make for a bot in a dozen channels with a few hundred users: messages
/// (commands and chatter), channel posts and their edits, button presses, an update type the bot ignores, and
/// redeliveries of updates already sent. A few calls carry a wrong or no secret, or JSON cut short, so that the 401
/// and 400 answers show in the metrics. Thread-safe: workers share it, each with its own seeded <see cref="Random"/>.
/// </summary>
internal sealed class UpdateFactory(int firstUpdateId, string secret, TimeProvider time)
{
    private const int Channels = 12;
    private const int Users = 300;
    private const long FirstChannelId = -1_001_000_000_000;
    private const long FirstUserId = 100_000;

    private readonly Lock _gate = new();
    private readonly Queue<(long Channel, int Message)> _recentPosts = new();
    private readonly Queue<string> _recentBodies = new();
    private int _updateId = firstUpdateId - 1;

    public LoadRequest Next(Random random)
    {
        var draw = random.NextDouble();
        return draw switch
        {
            < 0.02 => new LoadRequest(Serialize(NewUpdate(random)), "wrong-" + secret),
            < 0.03 => new LoadRequest(Serialize(NewUpdate(random)), null),
            < 0.045 => new LoadRequest(Truncated(Serialize(NewUpdate(random)), random), secret),
            < 0.06 => new LoadRequest(Redelivery(random) ?? Remember(Serialize(NewUpdate(random))), secret),
            _ => new LoadRequest(Remember(Serialize(NewUpdate(random))), secret),
        };
    }

    private Update NewUpdate(Random random)
    {
        var id = Interlocked.Increment(ref _updateId);
        var now = time.GetUtcNow().UtcDateTime;
        var draw = random.NextDouble();
        if (draw < 0.30)
        {
            var channel = Channel(random);
            var post = new Message { Id = id, Date = now, Chat = channel, SenderChat = channel, Text = $"Post {id}: news of the day" };
            RememberPost(channel.Id, id);
            return new Update { Id = id, ChannelPost = post };
        }

        if (draw < 0.38 && RecentPost(random) is { } edited)
        {
            var channel = new Chat { Id = edited.Channel, Type = ChatType.Channel, Title = ChannelTitle(edited.Channel) };
            var post = new Message { Id = edited.Message, Date = now.AddSeconds(-30), EditDate = now, Chat = channel, SenderChat = channel, Text = $"Post {edited.Message} (edited)" };
            return new Update { Id = id, EditedChannelPost = post };
        }

        var user = User(random);
        var chat = new Chat { Id = user.Id, Type = ChatType.Private, FirstName = user.FirstName, Username = user.Username };
        if (draw < 0.53)
        {
            var shown = new Message { Id = random.Next(1, 1_000_000), Date = now.AddMinutes(-1), Chat = chat, Text = "Channels, most viewed first:" };
            return new Update { Id = id, CallbackQuery = new CallbackQuery { Id = $"{user.Id}-{id}", From = user, ChatInstance = $"{user.Id}", Message = shown, Data = "stats" } };
        }

        if (draw < 0.54)
        {
            return new Update { Id = id, EditedMessage = new Message { Id = random.Next(1, 1_000_000), Date = now.AddMinutes(-1), EditDate = now, From = user, Chat = chat, Text = "hello (edited)" } };
        }

        var text = random.NextDouble() switch
        {
            < 0.15 => "/start",
            < 0.40 => "/stats",
            < 0.60 => $"/schedule {FirstChannelId - random.Next(0, Channels)} Weekly digest",
            _ => "hello",
        };
        return new Update { Id = id, Message = new Message { Id = random.Next(1, 1_000_000), Date = now, From = user, Chat = chat, Text = text } };
    }

    private static Chat Channel(Random random)
    {
        var id = FirstChannelId - random.Next(0, Channels);
        return new Chat { Id = id, Type = ChatType.Channel, Title = ChannelTitle(id), Username = $"demo_channel_{-id % 1000}" };
    }

    private static string ChannelTitle(long id) => $"Channel {-id % 1000}";

    private static User User(Random random)
    {
        var number = random.Next(0, Users);
        return new User { Id = FirstUserId + number, FirstName = $"User {number}", Username = $"user{number}", LanguageCode = "en" };
    }

    private static string Serialize(Update update) => JsonSerializer.Serialize(update, JsonBotAPI.Options);

    private static string Truncated(string json, Random random) => json[..random.Next(1, json.Length - 1)];

    private void RememberPost(long channel, int message)
    {
        lock (_gate)
        {
            _recentPosts.Enqueue((channel, message));
            if (_recentPosts.Count > 64)
            {
                _recentPosts.Dequeue();
            }
        }
    }

    private (long Channel, int Message)? RecentPost(Random random)
    {
        lock (_gate)
        {
            return _recentPosts.Count == 0 ? null : _recentPosts.ElementAt(random.Next(0, _recentPosts.Count));
        }
    }

    private string Remember(string body)
    {
        lock (_gate)
        {
            _recentBodies.Enqueue(body);
            if (_recentBodies.Count > 64)
            {
                _recentBodies.Dequeue();
            }
        }

        return body;
    }

    private string? Redelivery(Random random)
    {
        lock (_gate)
        {
            return _recentBodies.Count == 0 ? null : _recentBodies.ElementAt(random.Next(0, _recentBodies.Count));
        }
    }
}
