namespace Interception.Demo.Webhook;

/// <summary>What became of one update; the <c>status</c> of <c>telegram_updates_total</c>.</summary>
internal enum UpdateOutcome
{
    /// <summary>Handled (<c>success</c>).</summary>
    Success,

    /// <summary>Received before, not handled again (<c>duplicate</c>): Telegram redelivers an update it had no answer for.</summary>
    Duplicate,

    /// <summary>A kind of update the bot does not handle (<c>ignored</c>).</summary>
    Ignored,

    /// <summary>Handling failed (<c>failed</c>); the webhook answers 500 so that Telegram delivers it again.</summary>
    Failed,

    /// <summary>The request was aborted while the update was handled (<c>canceled</c>).</summary>
    Canceled,
}
