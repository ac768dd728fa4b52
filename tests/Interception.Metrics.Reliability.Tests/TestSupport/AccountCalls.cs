using Interception.Metrics.Reliability.Tests.Fixtures;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>Calls every timed method of <see cref="IAccountService"/> with <see cref="Secret"/> in every argument.</summary>
internal static class AccountCalls
{
    public const string Secret = "SECRET-ARG-123";

    public static async Task RunAsync(IAccountService accounts)
    {
        Assert.Equal("token-for-" + Secret, accounts.Login(Secret, Secret));
        using (var response = await accounts.CreateAsync(Secret))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(2 * Secret.Length, await accounts.SaveAsync(Secret, Secret));
        var error = Assert.Throws<InvalidOperationException>(() => accounts.Send(Secret));
        Assert.Contains(Secret, error.Message, StringComparison.Ordinal);
        await accounts.RunAsync(Secret);
        Assert.Equal(Secret.Length, accounts.Notify("email", Secret));
    }
}
