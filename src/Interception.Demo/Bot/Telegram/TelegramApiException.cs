namespace Interception.Demo.Bot.Telegram;

/// <summary>The Bot API refused a call (rate limit, bad request, server error).</summary>
internal sealed class TelegramApiException : Exception
{
    public TelegramApiException()
    {
    }

    public TelegramApiException(string message)
        : base(message)
    {
    }

    public TelegramApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
