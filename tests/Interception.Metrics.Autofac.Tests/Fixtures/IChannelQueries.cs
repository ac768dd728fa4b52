namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IChannelQueries
{
    Task<int> CountChannelsAsync(TimeSpan delay);
}
