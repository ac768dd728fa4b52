using Telegram.Bot.Types;

namespace Interception.Demo.Webhook;

/// <summary>Handles one update once: a redelivered update (same <c>update_id</c>) is not handled again.</summary>
internal interface IUpdateDispatcher
{
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (the request was aborted).</exception>
    Task<UpdateOutcome> DispatchAsync(Update update, CancellationToken cancellationToken);
}
