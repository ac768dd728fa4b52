namespace Interception.Metrics.AspNetCore.Tests.Observation;

public sealed class QuoteService : IQuoteService
{
    public async Task<decimal> PriceAsync(string symbol)
    {
        await Task.Yield();
        return symbol.Length;
    }
}
