using Interception.Demo.Simulation;

namespace Interception.Demo.Bot.Telegram;

/// <summary>
/// Stands in for the Bot API: 20-150 ms of latency, about 3 % errors and 1 % timeouts (a call that never
/// answers and is canceled after 300 ms).
/// </summary>
internal sealed class SimulatedTelegramApiClient(ChaosSource chaos, TimeProvider time) : ITelegramApiClient
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(300);
    private int _messageIds;

    public bool IsReachable => chaos.Chance(0.95);

    public async Task<TelegramMessage> SendMessageAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        await CallAsync(cancellationToken);
        return new TelegramMessage(Interlocked.Increment(ref _messageIds), chatId);
    }

    public async Task<int> GetChatMemberCountAsync(long chatId, CancellationToken cancellationToken)
    {
        await CallAsync(cancellationToken);
        return chaos.Next(100, 50_000);
    }

    public async ValueTask<int> GetMessageViewsAsync(long chatId, int messageId, CancellationToken cancellationToken)
    {
        await CallAsync(cancellationToken);
        return chaos.Next(0, 10_000);
    }

    private async Task CallAsync(CancellationToken cancellationToken)
    {
        if (chaos.Chance(0.01))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CallTimeout);
            await Task.Delay(Timeout.InfiniteTimeSpan, time, timeout.Token);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(chaos.Next(20, 150)), time, cancellationToken);
        if (chaos.Chance(0.03))
        {
            throw new TelegramApiException("Too Many Requests: retry after 1");
        }
    }
}
