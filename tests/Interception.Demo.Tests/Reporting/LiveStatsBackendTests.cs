using Interception.Demo.Reporting;
using Interception.Metrics;

namespace Interception.Demo.Tests.Reporting;

/// <summary>The console's backend, fed through the collector as the demo feeds it: what the table shows for each status label.</summary>
public sealed class LiveStatsBackendTests
{
    [Fact]
    public void Operations_StatusLabels_FailedAndCanceledCountedApartAsTheLabelSays()
    {
        var stats = new LiveStatsBackend();
        var collector = new MetricsCollectorService(stats);

        foreach (var status in (string[])["success", "failed", "canceled", "canceled", "success"])
        {
            collector.RecordDatabaseQuery(new DatabaseQueryMetric("claim_update", status, TimeSpan.FromMilliseconds(2)));
        }

        var table = StatsTable.Operations(stats.Operations);

        Assert.Matches(@"kind +operation +calls +failed +canceled +p50 ms +p95 ms", table);
        Assert.Matches(@"database +claim_update +5 +1 +2 +2\.0 +2\.0", table);
    }

    [Fact]
    public void Operations_HttpStatusCodes_5xxFailed499CanceledOthersNeither()
    {
        var stats = new LiveStatsBackend();
        var collector = new MetricsCollectorService(stats);

        foreach (var code in (int[])[200, 200, 400, 401, 499, 500, 503])
        {
            collector.RecordHttpRequest(new HttpRequestMetric("POST", "/telegram/webhook", code, TimeSpan.FromMilliseconds(1)));
        }

        Assert.Matches(@"http +POST /telegram/webhook +7 +2 +1 ", StatsTable.Operations(stats.Operations));
        Assert.Equal("HTTP answers by status: 200 x 2, 400 x 1, 401 x 1, 499 x 1, 500 x 1, 503 x 1", StatsTable.HttpStatuses(stats.HttpStatuses));
    }

    [Fact]
    public void Updates_TelegramUpdates_TabledByTypeAndStatus()
    {
        var stats = new LiveStatsBackend();
        var collector = new MetricsCollectorService(stats);

        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "success"));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("message", "duplicate"));
        collector.RecordTelegramUpdate(new TelegramUpdateMetric("channel_post", "failed"));

        var table = StatsTable.Updates(stats.Updates);

        Assert.Matches(@"Telegram update +success +duplicate +ignored +failed +canceled", table);
        Assert.Matches(@"channel_post +0 +0 +0 +1 +0", table);
        Assert.Matches(@"message +2 +1 +0 +0 +0", table);
    }
}
