namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>Both methods timed by the interface.</summary>
public interface IPrices
{
    [MetricsTimer]
    decimal Price(string symbol);

    [MetricsTimer]
    string Currency();
}
