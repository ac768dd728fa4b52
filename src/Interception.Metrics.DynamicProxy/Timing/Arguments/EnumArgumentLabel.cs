using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Interception.Metrics.Timing.Arguments;

/// <summary>
/// An enum parameter: the member name, looked up in a table built once from the enum's members. A value that is not
/// a member (a combination of flags, a cast number) is formatted by the enum itself (<c>"Read, Write"</c>,
/// <c>"42"</c>) and kept, up to <paramref name="limit"/> such values; beyond that it is formatted on each call.
/// </summary>
internal sealed class EnumArgumentLabel<TEnum>(int limit) : ArgumentLabel
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _names = Enum.GetValues<TEnum>()
        .Distinct()
        .ToFrozenDictionary(value => value, value => Enum.GetName(value) ?? value.ToString());

    private readonly ConcurrentDictionary<TEnum, string> _others = new();
    private int _otherCount;

    public override string Text(object? argument)
    {
        if (argument is not TEnum value)
        {
            return string.Empty;
        }

        return _names.TryGetValue(value, out var name) ? name : Other(value);
    }

    private string Other(TEnum value)
    {
        if (_others.TryGetValue(value, out var text))
        {
            return text;
        }

        text = value.ToString();
        if (Volatile.Read(ref _otherCount) < limit && _others.TryAdd(value, text))
        {
            Interlocked.Increment(ref _otherCount);
        }

        return text;
    }
}
