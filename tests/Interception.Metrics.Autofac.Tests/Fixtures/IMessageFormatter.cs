namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A service whose interface carries the attribute, so a decorator implementing it is "timed" too.</summary>
public interface IMessageFormatter
{
    [MetricsTimer]
    string Format(string text);
}
