using Interception.Metrics.Tests.TestSupport;

namespace Interception.Metrics.Tests.Collection;

public class BusinessMetricsServiceTests
{
    private readonly InMemoryMetricsBackend _memory = new();
    private readonly BusinessMetricsService _service;

    public BusinessMetricsServiceTests()
    {
        _service = new BusinessMetricsService(_memory);
    }

    [Fact]
    public void UpdateBusinessMetrics_SetsChannelUserAndScheduledPostGauges()
    {
        _service.UpdateBusinessMetrics(new BusinessMetrics(12, 3400, 56));

        Assert.Equal(12, _memory.GetGauge("bot_channels"));
        Assert.Equal(3400, _memory.GetGauge("bot_users"));
        Assert.Equal(56, _memory.GetGauge("bot_scheduled_posts"));
    }

    [Fact]
    public void UpdateCounts_Individually_SetEachGaugeToLatestValue()
    {
        _service.UpdateChannelsCount(1);
        _service.UpdateChannelsCount(2);
        _service.UpdateUsersCount(30);
        _service.UpdateScheduledPostsCount(0);

        Assert.Equal(2, _memory.GetGauge("bot_channels"));
        Assert.Equal(30, _memory.GetGauge("bot_users"));
        Assert.Equal(0, _memory.GetGauge("bot_scheduled_posts"));
    }

    [Fact]
    public void RecordPostSent_CountsByStatusWithSuccessAsDefault()
    {
        _service.RecordPostSent();
        _service.RecordPostSent();
        _service.RecordPostSent("failed");

        Assert.Equal(2, _memory.GetCounter("bot_posts_sent_total", ("status", "success")));
        Assert.Equal(1, _memory.GetCounter("bot_posts_sent_total", ("status", "failed")));
    }

    [Fact]
    public void RecordPostViewsUpdate_CountsEachRefresh()
    {
        _service.RecordPostViewsUpdate();
        _service.RecordPostViewsUpdate();
        _service.RecordPostViewsUpdate();

        Assert.Equal(3, _memory.GetCounter("bot_post_views_updates_total"));
    }

    [Fact]
    public void UpdateBusinessMetrics_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => _service.UpdateBusinessMetrics(null!));

    [Fact]
    public void EveryMethod_BackendThrows_NeverSurfaces()
    {
        var exception = Record.Exception(() =>
        {
            var service = new BusinessMetricsService(new ThrowingMetricsBackend(failBind: false));
            service.UpdateBusinessMetrics(new BusinessMetrics(1, 2, 3));
            service.RecordPostSent();
            service.RecordPostViewsUpdate();
        });

        Assert.Null(exception);
    }
}
