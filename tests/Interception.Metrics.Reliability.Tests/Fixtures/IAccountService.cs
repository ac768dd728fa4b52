namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>Timed methods of every kind that take sensitive arguments.</summary>
public interface IAccountService
{
    [MetricsTimer]
    string Login(string user, string password);

    [MetricsTimer(MetricKind.Http, Name = "/accounts", HttpMethod = "POST")]
    Task<HttpResponseMessage> CreateAsync(string email);

    [MetricsTimer(MetricKind.Database)]
    Task<int> SaveAsync(string name, string secret);

    /// <summary>Throws an exception whose message holds <paramref name="token"/>.</summary>
    [MetricsTimer(MetricKind.TelegramApi)]
    void Send(string token);

    [MetricsTimer(MetricKind.BackgroundTask)]
    ValueTask RunAsync(string argument);

    /// <summary>Only <paramref name="channel"/>, marked as a label, may be recorded.</summary>
    [MetricsTimer]
    int Notify([MetricLabel("channel")] string channel, string message);
}
