namespace Interception.Demo.Telegram;

/// <summary>How the bot calls the Bot API.</summary>
/// <param name="Token">The bot token the client sends in every request's path.</param>
/// <param name="RequestTimeout">How long one call may take before the bot gives up on it (the call is then canceled).</param>
/// <param name="RetryCount">Attempts per call when the API answers 429 (Telegram.Bot's <c>RetryCount</c>; 1 reports every 429 at once).</param>
internal sealed record BotApiSettings(string Token, TimeSpan RequestTimeout, int RetryCount);
