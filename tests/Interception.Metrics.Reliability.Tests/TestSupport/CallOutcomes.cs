namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// What a caller observed: how many calls of each method ended in each status, the sum of returned values, and
/// each distinct exception (method, type, message) with how often it was seen.
/// </summary>
internal sealed class CallOutcomes
{
    private readonly Dictionary<(string Method, string Status), long> _counts = [];
    private readonly Dictionary<string, long> _exceptions = new(StringComparer.Ordinal);

    public long Calls { get; private set; }

    public long ValueSum { get; private set; }

    public IReadOnlyDictionary<(string Method, string Status), long> Counts => _counts;

    /// <summary>Exceptions seen by the caller, as "method: type: message", with their counts.</summary>
    public IReadOnlyDictionary<string, long> Exceptions => _exceptions;

    public long Count(string method, string status) => _counts.GetValueOrDefault((method, status));

    /// <summary>Calls of <paramref name="method"/>, whatever their status.</summary>
    public long Count(string method) => _counts.Where(c => c.Key.Method == method).Sum(c => c.Value);

    public void Returned(string method, long value)
    {
        Add(method, "success");
        ValueSum += value;
    }

    public void Threw(string method, string status, Exception exception)
    {
        Add(method, status);
        var signature = $"{method}: {exception.GetType().FullName}: {exception.Message}";
        _exceptions[signature] = _exceptions.GetValueOrDefault(signature) + 1;
    }

    public void Merge(CallOutcomes other)
    {
        foreach (var (key, count) in other._counts)
        {
            _counts[key] = _counts.GetValueOrDefault(key) + count;
        }

        foreach (var (key, count) in other._exceptions)
        {
            _exceptions[key] = _exceptions.GetValueOrDefault(key) + count;
        }

        Calls += other.Calls;
        ValueSum += other.ValueSum;
    }

    private void Add(string method, string status)
    {
        _counts[(method, status)] = _counts.GetValueOrDefault((method, status)) + 1;
        Calls++;
    }
}
