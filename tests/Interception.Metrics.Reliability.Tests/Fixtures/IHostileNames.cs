namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>A timed method whose attribute name and constant label are hostile.</summary>
public interface IHostileNames
{
    [MetricsTimer(Name = HostileValues.AttributeName, Labels = [HostileValues.AttributeLabel])]
    int Call(int value);
}
