using Interception.Demo.Storage;
using Interception.Metrics;

namespace Interception.Demo.Jobs;

/// <summary>Counts channels, users and scheduled posts in the database and sets the business gauges (<c>bot_*</c>).</summary>
internal sealed class BusinessMetricsRefresher(
    IChannelRepository channels,
    IUserRepository users,
    IPostRepository posts,
    BusinessMetricsService business,
    TimeProvider time) : IRecurringJob
{
    public TimeSpan Interval => TimeSpan.FromSeconds(2);

    [MetricsTimer(MetricKind.BackgroundTask, Name = "refresh_business_metrics")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var channelCount = await channels.CountAsync(cancellationToken);
        var userCount = await users.CountAsync(cancellationToken);
        var scheduled = await posts.CountScheduledAsync(cancellationToken);
        business.UpdateBusinessMetrics(new BusinessMetrics(channelCount, userCount, scheduled, time.GetUtcNow()));
    }
}
