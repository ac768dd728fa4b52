namespace Interception.Metrics.Autofac.Tests.Fixtures;

public class ChannelQueries(TimeProvider time) : IChannelQueries
{
    [MetricsTimer(MetricKind.Database, Name = "count_channels")]
    public async Task<int> CountChannelsAsync(TimeSpan delay)
    {
        await Task.Delay(delay, time);
        return 12;
    }
}
