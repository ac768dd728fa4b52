namespace Interception.Metrics;

/// <summary>One Telegram Bot API call.</summary>
/// <param name="Method">API method, such as <c>sendMessage</c>.</param>
/// <param name="Status">Outcome, such as <c>success</c> or <c>failed</c>.</param>
/// <param name="Duration">How long the call took.</param>
public sealed record TelegramApiMetric(string Method, string Status, TimeSpan Duration);
