namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>Runs what the test hands it.</summary>
public class Observed : IObserved
{
    public int Publish(ChannelType type, bool urgent, string body) => body.Length;

    public int Route(string? region, int shard, long? attempt, ChannelType? level) => shard;

    public int Send(string chatId, [MetricLabel("kind")] ChannelType kind) => chatId.Length;

    public int Schedule(DateTime when) => when.Day;

    public int Store(Payload payload) => 5;

    public bool TryRead(out int value)
    {
        value = 3;
        return true;
    }

    public int Clash(string function) => 1;

    public int Twice(string region) => 2;

    public int Work(Func<int> body) => body();

    public Task<int> WorkAsync(Task<int> inner) => inner;

    public ValueTask<int> WorkValueAsync(ValueTask<int> inner) => inner;

    public IAsyncEnumerable<int> StreamAsync(IAsyncEnumerable<int> inner) => inner;

    public int Query(ChannelType type, Func<int> body) => body();

    public Task<HttpResponseMessage> PostAsync(Task<HttpResponseMessage> inner) => inner;

    public int SendMessage(Func<int> body) => body();

    public Task RefreshAsync(Task inner) => inner;

    public int Outer(Func<int> inner) => inner();

    public async Task<int> OuterAsync(Func<Task<int>> inner) => await inner() + 1;
}
