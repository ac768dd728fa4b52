using System.Collections.Concurrent;

namespace Interception.Metrics.Autofac.Tests.Fixtures;

/// <summary>A decorator timed by its own attribute: a cache hit never reaches the decorated component.</summary>
public class CachingQuotes(IQuotes inner) : IQuotes
{
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public IQuotes Inner { get; } = inner;

    [MetricsTimer]
    public string Quote(string symbol) => _cache.GetOrAdd(symbol, Inner.Quote);
}
