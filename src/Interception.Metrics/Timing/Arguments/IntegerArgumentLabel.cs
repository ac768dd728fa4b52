using System.Collections.Concurrent;
using System.Globalization;
using System.Numerics;

namespace Interception.Metrics.Timing.Arguments;

/// <summary>
/// An integer parameter: the value in invariant culture, formatted once per distinct value and kept, up to
/// <paramref name="limit"/> values (the cardinality limit: past it the values fold into the overflow series anyway);
/// beyond that it is formatted on each call.
/// </summary>
internal sealed class IntegerArgumentLabel<T>(int limit) : ArgumentLabel
    where T : struct, IBinaryInteger<T>
{
    private readonly ConcurrentDictionary<T, string> _texts = new();
    private int _count;

    public override string Text(object? argument)
    {
        if (argument is not T value)
        {
            return string.Empty;
        }

        if (_texts.TryGetValue(value, out var text))
        {
            return text;
        }

        text = value.ToString(null, CultureInfo.InvariantCulture);
        if (Volatile.Read(ref _count) < limit && _texts.TryAdd(value, text))
        {
            Interlocked.Increment(ref _count);
        }

        return text;
    }
}
