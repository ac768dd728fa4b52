namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>Waits (up to ten seconds) for a condition that the server makes true while the test goes on.</summary>
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
}
