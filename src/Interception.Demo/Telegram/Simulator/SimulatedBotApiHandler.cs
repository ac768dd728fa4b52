using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Interception.Demo.Telegram.Simulator;

/// <summary>Answers one Bot API call: <c>{"ok":true,"result":...}</c>, or <c>{"ok":false,"error_code":...}</c> as Telegram does.</summary>
internal sealed class SimulatedBotApiHandler(SimulatorDraws draws, SimulatorSettings settings, TimeProvider time)
{
    private const long BotId = 123456;

    /// <summary>
    /// The ids of the messages it sends start here, far above the ids of the channel posts the load makes up, so that a
    /// published post never takes the id of a post already stored for its channel.
    /// </summary>
    private const int FirstMessageId = 1_000_000_000;

    private readonly ConcurrentDictionary<(long Chat, int Message), DateTimeOffset> _firstViewed = new();
    private int _messageIds = FirstMessageId;

    public async Task HandleAsync(HttpContext context)
    {
        var method = (string)context.GetRouteValue("method")!;
        var aborted = context.RequestAborted;
        using var parameters = await ReadParametersAsync(context.Request, aborted);
        var (latency, outcome) = draws.Next();
        try
        {
            await Task.Delay(latency, time, aborted);
            switch (outcome)
            {
                case SimulatedOutcome.RateLimited:
                    await WriteErrorAsync(context, 429, $"Too Many Requests: retry after {settings.RetryAfter}", settings.RetryAfter);
                    return;
                case SimulatedOutcome.ServerError:
                    await WriteErrorAsync(context, 502, "Bad Gateway");
                    return;
                case SimulatedOutcome.NoAnswer:
                    // Held until the client gives up (or the simulator stops).
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, aborted);
                    return;
            }

            await AnswerAsync(context, method, parameters.RootElement);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private async Task AnswerAsync(HttpContext context, string method, JsonElement parameters)
    {
        object? result = method switch
        {
            "getMe" => new User { Id = BotId, IsBot = true, FirstName = "Interception demo bot", Username = "interception_demo_bot" },
            "sendMessage" => SentMessage(parameters),
            "editMessageText" => EditedMessage(parameters),
            "answerCallbackQuery" => true,
            "getChat" => ChatInfo(parameters),
            "getChatMemberCount" => MemberCount(ChatId(parameters)),
            "getMessagesViews" => Views(parameters),
            _ => null,
        };
        if (result is null)
        {
            await WriteErrorAsync(context, 404, "Not Found: method not found");
            return;
        }

        await WriteAsync(context, StatusCodes.Status200OK, json =>
        {
            json.WriteBoolean("ok", true);
            json.WritePropertyName("result");
            JsonSerializer.Serialize(json, result, result.GetType(), JsonBotAPI.Options);
        });
    }

    private Message SentMessage(JsonElement parameters)
    {
        var chatId = ChatId(parameters);
        return new Message
        {
            Id = Interlocked.Increment(ref _messageIds),
            Date = time.GetUtcNow().UtcDateTime,
            Chat = new Chat { Id = chatId, Type = chatId < 0 ? ChatType.Channel : ChatType.Private },
            From = chatId < 0 ? null : new User { Id = BotId, IsBot = true, FirstName = "Interception demo bot" },
            Text = parameters.GetProperty("text").GetString(),
        };
    }

    private Message EditedMessage(JsonElement parameters)
    {
        var chatId = ChatId(parameters);
        return new Message
        {
            Id = parameters.GetProperty("message_id").GetInt32(),
            Date = time.GetUtcNow().UtcDateTime.AddSeconds(-5),
            EditDate = time.GetUtcNow().UtcDateTime,
            Chat = new Chat { Id = chatId, Type = chatId < 0 ? ChatType.Channel : ChatType.Private },
            Text = parameters.GetProperty("text").GetString(),
        };
    }

    private static ChatFullInfo ChatInfo(JsonElement parameters)
    {
        var chatId = ChatId(parameters);
        var number = Math.Abs(chatId) % 1000;
        return new ChatFullInfo
        {
            Id = chatId,
            Type = chatId < 0 ? ChatType.Channel : ChatType.Private,
            Title = chatId < 0 ? $"Channel {number}" : null,
            Username = $"demo_channel_{number}",
            AccentColorId = (int)(number % 7),
            MaxReactionCount = 11,
        };
    }

    /// <summary>A stable count per chat that grows slowly with time, as subscriber counts do.</summary>
    private int MemberCount(long chatId) =>
        (int)(500 + (Math.Abs(chatId) * 7919 % 40_000) + (time.GetUtcNow().ToUnixTimeSeconds() / 60 % 100));

    /// <summary>Views grow with the time since the post was first asked about, faster for bigger channels.</summary>
    private int[] Views(JsonElement parameters)
    {
        var chatId = ChatId(parameters);
        var now = time.GetUtcNow();
        var perSecond = 1 + (MemberCount(chatId) / 5000);
        return [.. parameters.GetProperty("message_ids").EnumerateArray().Select(id =>
        {
            var first = _firstViewed.GetOrAdd((chatId, id.GetInt32()), now);
            return (int)Math.Min(MemberCount(chatId), perSecond * (now - first).TotalSeconds);
        })];
    }

    private static long ChatId(JsonElement parameters) => parameters.GetProperty("chat_id") switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetInt64(),
        var text => long.Parse(text.GetString() ?? "0", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<JsonDocument> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any()
            ? JsonDocument.Parse("{}")
            : await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);

    private static Task WriteErrorAsync(HttpContext context, int code, string description, int? retryAfter = null) =>
        WriteAsync(context, code, json =>
        {
            json.WriteBoolean("ok", false);
            json.WriteNumber("error_code", code);
            json.WriteString("description", description);
            if (retryAfter is { } seconds)
            {
                json.WriteStartObject("parameters");
                json.WriteNumber("retry_after", seconds);
                json.WriteEndObject();
            }
        });

    /// <summary>Writes one JSON object as the response; built in memory first, since Kestrel allows only asynchronous writes.</summary>
    private static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }
}
