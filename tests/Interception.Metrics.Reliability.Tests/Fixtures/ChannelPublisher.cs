namespace Interception.Metrics.Reliability.Tests.Fixtures;

public sealed class ChannelPublisher : IChannelPublisher
{
    public int Publish(Audience audience, bool urgent, int outcome) => outcome switch
    {
        0 => (int)audience,
        1 => throw new InvalidOperationException("publish failed"),
        _ => throw new OperationCanceledException("publish canceled"),
    };

    public async Task<int> PublishAsync(Audience audience, int outcome, bool yield)
    {
        if (yield)
        {
            await Task.Yield();
        }

        return Publish(audience, urgent: false, outcome);
    }

    public async ValueTask<int> SaveAsync(Audience audience, int outcome)
    {
        await Task.Yield();
        return Publish(audience, urgent: false, outcome);
    }

    public async IAsyncEnumerable<int> ReadAsync(Audience audience, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }
}
