namespace Interception.Metrics;

/// <summary>One update received from Telegram.</summary>
/// <param name="UpdateType">Update type, such as <c>message</c> or <c>callback_query</c>.</param>
/// <param name="Status">Outcome of handling it.</param>
public sealed record TelegramUpdateMetric(string UpdateType, string Status);
