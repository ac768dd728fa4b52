namespace Interception.Metrics.AspNetCore.Tests.Observation;

/// <summary>A timed component an endpoint calls.</summary>
public interface IQuoteService
{
    [MetricsTimer]
    Task<decimal> PriceAsync(string symbol);
}
