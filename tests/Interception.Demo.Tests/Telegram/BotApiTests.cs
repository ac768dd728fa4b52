using System.Net;
using Interception.Demo.Tests.TestSupport;

namespace Interception.Demo.Tests.Telegram;

/// <summary>
/// Telegram.Bot's real client against the demo's simulated Bot API, made to refuse or ignore every call: each way a
/// call can go wrong gets the status the metric catalogue gives it in <c>telegram_api_requests_total</c>.
/// </summary>
public sealed class BotApiTests
{
    // Every rate 0, then one of them set to 1 by the test (the last value of a key on the command line wins).
    private static readonly string[] Unreliable = DemoArguments.QuietAndReliable;

    [Fact]
    public async Task SendMessage_ApiAnswers429_ClientWaitsRetryAfterThenCountsFailed()
    {
        // Two attempts: Telegram.Bot waits the 429's retry_after (1 s) before the second, which is refused too.
        await using var demo = await RunningDemo.StartAsync(
            [.. Unreliable, "--Telegram:Simulator:RateLimitRate=1", "--Telegram:Simulator:RetryAfter=1", "--Telegram:RetryCount=2"]);

        using var response = await demo.PostUpdateAsync(Updates.Message(1, 42, "/start"));

        var metrics = await demo.ScrapeAsync();
        Assert.Equal(1, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"failed\"}"));
        Assert.Equal(0, metrics.Sum("telegram_api_requests_total", "method=\"sendMessage\"", "status=\"success\""));
        // Telegram.Bot's Task.Delay may wake a fraction of a millisecond before the stopwatch says 1 s has passed.
        Assert.InRange(metrics.Value("telegram_api_request_duration_seconds_sum{method=\"sendMessage\"}"), 0.99, 10.0);
        AssertUpdateFailedAndReleased(response, metrics);
        Assert.Equal(0, await demo.CountRowsAsync("updates"));
    }

    [Fact]
    public async Task SendMessage_ApiAnswers502_CountsFailed()
    {
        await using var demo = await RunningDemo.StartAsync([.. Unreliable, "--Telegram:Simulator:ServerErrorRate=1"]);

        using var response = await demo.PostUpdateAsync(Updates.Message(1, 42, "/start"));

        var metrics = await demo.ScrapeAsync();
        Assert.Equal(1, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"failed\"}"));
        Assert.Equal(0, metrics.Sum("telegram_api_requests_total", "method=\"sendMessage\"", "status=\"canceled\""));
        AssertUpdateFailedAndReleased(response, metrics);
        Assert.Equal(0, await demo.CountRowsAsync("updates"));
    }

    [Fact]
    public async Task SendMessage_ApiNeverAnswers_CanceledAtTheRequestTimeout()
    {
        await using var demo = await RunningDemo.StartAsync(
            [.. Unreliable, "--Telegram:Simulator:TimeoutRate=1", "--Telegram:RequestTimeout=00:00:00.300"]);

        using var response = await demo.PostUpdateAsync(Updates.Message(1, 42, "/start"));

        var metrics = await demo.ScrapeAsync();
        Assert.Equal(1, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"canceled\"}"));
        Assert.Equal(0, metrics.Sum("telegram_api_requests_total", "method=\"sendMessage\"", "status=\"failed\""));
        // The timeout's timer may fire a fraction of a millisecond before the stopwatch says 300 ms have passed.
        Assert.InRange(metrics.Value("telegram_api_request_duration_seconds_sum{method=\"sendMessage\"}"), 0.29, 5.0);
        AssertUpdateFailedAndReleased(response, metrics);
    }

    [Fact]
    public async Task Redelivery_AfterAFailedUpdate_IsHandledAgain()
    {
        // The claim of a failed update is released, so Telegram's redelivery (same update_id) is not a duplicate.
        await using var demo = await RunningDemo.StartAsync([.. Unreliable, "--Telegram:Simulator:ServerErrorRate=1"]);
        using var failed = await demo.PostUpdateAsync(Updates.Message(7, 42, "/start"));

        using var redelivered = await demo.PostUpdateAsync(Updates.Message(7, 42, "/start"));

        var metrics = await demo.ScrapeAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, redelivered.StatusCode);
        Assert.Equal(2, metrics.Value("telegram_updates_total{update_type=\"message\",status=\"failed\"}"));
        Assert.Equal(0, metrics.Sum("telegram_updates_total", "status=\"duplicate\""));
        Assert.Equal(2, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"failed\"}"));
    }

    private static void AssertUpdateFailedAndReleased(HttpResponseMessage response, MetricsText metrics)
    {
        // The webhook answers 500 so that Telegram delivers the update again.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, metrics.Value("telegram_updates_total{update_type=\"message\",status=\"failed\"}"));
        Assert.Equal(1, metrics.Value("http_requests_total{method=\"POST\",endpoint=\"/telegram/webhook\",status=\"500\"}"));
    }
}
