namespace Interception.Metrics.Reliability.Tests.Fixtures;

public sealed class HostileNames : IHostileNames
{
    public int Call(int value) => value;
}
