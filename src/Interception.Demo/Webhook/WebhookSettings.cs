namespace Interception.Demo.Webhook;

/// <summary>The webhook's secret: Telegram sends it in <c>X-Telegram-Bot-Api-Secret-Token</c> (the <c>secret_token</c> of setWebhook).</summary>
internal sealed record WebhookSettings(string Secret);
