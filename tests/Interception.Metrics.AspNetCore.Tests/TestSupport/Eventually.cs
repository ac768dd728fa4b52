namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>Waits (up to ten seconds) for what the server records after the client already has its answer.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task TrueAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The condition did not hold within {Timeout}.");
            }

            await Task.Delay(20);
        }
    }

    public static async Task<T> SingleAsync<T>(Func<IReadOnlyList<T>> read)
    {
        await TrueAsync(() => read().Count > 0);
        return Assert.Single(read());
    }
}
