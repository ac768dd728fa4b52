namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>A timed singleton for the soak test.</summary>
public interface IGreeting
{
    [MetricsTimer(MetricKind.Http, Name = "/greet")]
    Task<string> GreetAsync(string name);
}
