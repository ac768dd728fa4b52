using System.Net;
using Interception.Demo.Tests.TestSupport;

namespace Interception.Demo.Tests.Webhook;

/// <summary>POST /telegram/webhook on the running demo, over real HTTP, checked through /metrics and the SQLite file.</summary>
public sealed class WebhookEndpointTests
{
    private const string Endpoint = "method=\"POST\",endpoint=\"/telegram/webhook\"";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData("demo-secre")]
    [InlineData("DEMO-SECRET")]
    [InlineData("demo-secret-and-more")]
    public async Task Receive_MissingOrWrongSecret_Answers401AndChangesNoData(string? secret)
    {
        await using var demo = await RunningDemo.StartAsync(DemoArguments.QuietAndReliable);

        using var response = await demo.PostUpdateAsync(Updates.Message(1, 42, "/start"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var metrics = await demo.ScrapeAsync();
        Assert.Equal(1, metrics.Value($"http_requests_total{{{Endpoint},status=\"401\"}}"));
        Assert.Equal(0, metrics.Sum("telegram_updates_total"));
        Assert.Equal(0, metrics.Sum("telegram_api_requests_total", "method=\"sendMessage\""));
        Assert.Equal(0, await demo.CountRowsAsync("updates"));
        Assert.Equal(0, await demo.CountRowsAsync("users"));
    }

    [Fact]
    public async Task Receive_RightSecret_HandlesTheUpdateAndStoresIt()
    {
        // The counterpart of the test above: the same update with the right secret is handled.
        await using var demo = await RunningDemo.StartAsync(DemoArguments.QuietAndReliable);

        using var response = await demo.PostUpdateAsync(Updates.Message(1, 42, "/start"), RunningDemo.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metrics = await demo.ScrapeAsync();
        Assert.Equal(1, metrics.Value("telegram_updates_total{update_type=\"message\",status=\"success\"}"));
        Assert.Equal(1, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"success\"}"));
        Assert.Equal(1, await demo.CountRowsAsync("updates", "update_id = 1"));
        Assert.Equal(1, await demo.CountRowsAsync("users", "id = 42"));
    }

    [Fact]
    public async Task Receive_MalformedJson_Answers400AndKeepsServing()
    {
        string[] malformed =
        [
            "{\"update_id\":1,",
            "not json at all",
            "{\"update_id\":\"one\"}",
            "null",
            "[]",
            "{\"update_id\":7,\"message\":{\"message_id\":1}}",
            "{\"message\":{\"message_id\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"date\":1}}",
            string.Empty,
        ];
        await using var demo = await RunningDemo.StartAsync(DemoArguments.QuietAndReliable);

        var statuses = new List<HttpStatusCode>();
        foreach (var body in malformed)
        {
            using var response = await demo.PostUpdateAsync(body);
            statuses.Add(response.StatusCode);
        }

        using var valid = await demo.PostUpdateAsync(Updates.Message(2, 42, "hello"));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var metrics = await demo.ScrapeAsync();
        Assert.Equal(malformed.Length, metrics.Value($"http_requests_total{{{Endpoint},status=\"400\"}}"));
        Assert.Equal(1, metrics.Value($"http_requests_total{{{Endpoint},status=\"200\"}}"));
        Assert.Equal(1, metrics.Sum("telegram_updates_total"));
        Assert.Equal(1, await demo.CountRowsAsync("updates"));
        Assert.Equal(1, await demo.CountRowsAsync("updates", "update_id = 2"));
    }

    [Fact]
    public async Task Receive_ThousandConcurrentUpdatesAndRedeliveries_EachStoredOnceAndCountedExactly()
    {
        // 500 messages from 250 people and 500 posts in 10 channels, plus 100 of them delivered a second time (as
        // Telegram redelivers an update it got no answer for), all posted at once.
        const int Messages = 500;
        const int Posts = 500;
        const int Redelivered = 100;
        var updates = Enumerable.Range(1, Messages).Select(id => Updates.Message(id, 1000 + (id % 250), "hello"))
            .Concat(Enumerable.Range(Messages + 1, Posts).Select(id => Updates.ChannelPost(id, -1_001_000_000_000 - (id % 10), id)))
            .ToArray();
        var deliveries = updates.Concat(updates.Where((_, index) => index % 10 == 0)).ToArray();
        Assert.Equal(Redelivered, deliveries.Length - updates.Length);
        await using var demo = await RunningDemo.StartAsync(DemoArguments.QuietAndReliable);

        var responses = await Task.WhenAll(deliveries.Select(async body =>
        {
            using var response = await demo.PostUpdateAsync(body);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(Messages + Posts, await demo.CountRowsAsync("updates"));
        Assert.Equal(Posts, await demo.CountRowsAsync("posts"));
        Assert.Equal(250, await demo.CountRowsAsync("users"));
        Assert.Equal(10, await demo.CountRowsAsync("channels"));
        var metrics = await demo.ScrapeAsync();
        Assert.Equal(Messages, metrics.Value("telegram_updates_total{update_type=\"message\",status=\"success\"}"));
        Assert.Equal(Posts, metrics.Value("telegram_updates_total{update_type=\"channel_post\",status=\"success\"}"));
        Assert.Equal(Redelivered, metrics.Sum("telegram_updates_total", "status=\"duplicate\""));
        Assert.Equal(deliveries.Length, metrics.Sum("telegram_updates_total"));
        Assert.Equal(deliveries.Length, metrics.Value($"http_requests_total{{{Endpoint},status=\"200\"}}"));
        Assert.Equal(Messages, metrics.Value("telegram_api_requests_total{method=\"sendMessage\",status=\"success\"}"));
    }
}
