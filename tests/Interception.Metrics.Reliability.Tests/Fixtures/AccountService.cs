using System.Net;

namespace Interception.Metrics.Reliability.Tests.Fixtures;

public sealed class AccountService : IAccountService
{
    public string Login(string user, string password) => "token-for-" + user;

    public Task<HttpResponseMessage> CreateAsync(string email) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.Created) { ReasonPhrase = "created " + email });

    public Task<int> SaveAsync(string name, string secret) => Task.FromResult(name.Length + secret.Length);

    public void Send(string token) => throw new InvalidOperationException("rejected token " + token);

    public ValueTask RunAsync(string argument) => ValueTask.CompletedTask;

    public int Notify(string channel, string message) => message.Length;
}
