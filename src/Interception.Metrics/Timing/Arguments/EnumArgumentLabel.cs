using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Interception.Metrics.Timing.Arguments;

/// <summary>
/// An enum parameter: the member name. The members are numbered once (a null <see cref="Nullable{T}"/> after them),
/// and a member whose value is a small number is found by indexing an array with it. A value that is not a member (a
/// combination of flags, a cast number) is formatted by the enum itself (<c>"Read, Write"</c>, <c>"42"</c>) and kept, up
/// to the limit given (the cardinality limit) of such values; beyond that it is formatted on each call.
/// </summary>
internal sealed class EnumArgumentLabel<TEnum> : ArgumentLabel
    where TEnum : struct, Enum
{
    private const int DirectRange = 256;

    private readonly string[] _names;
    private readonly int[] _direct;
    private readonly FrozenDictionary<TEnum, int> _beyondDirect;
    private readonly ConcurrentDictionary<TEnum, string> _others = new();
    private readonly int _limit;
    private int _otherCount;

    public EnumArgumentLabel(int limit)
    {
        _limit = limit;
        TEnum[] members = [.. Enum.GetValues<TEnum>().Distinct()];
        _names = [.. members.Select(m => Enum.GetName(m) ?? m.ToString()), string.Empty];
        _direct = [.. Enumerable.Repeat(-1, DirectRange)];
        var beyondDirect = new Dictionary<TEnum, int>();
        for (var i = 0; i < members.Length; i++)
        {
            if (Bits(members[i]) < DirectRange)
            {
                _direct[Bits(members[i])] = i;
            }
            else
            {
                beyondDirect[members[i]] = i;
            }
        }

        _beyondDirect = beyondDirect.ToFrozenDictionary();
    }

    public override int Count => _names.Length;

    public override string Text(object? argument)
    {
        if (argument is not TEnum value)
        {
            return string.Empty;
        }

        var index = IndexOfMember(value);
        return index >= 0 ? _names[index] : Other(value);
    }

    public override int IndexOf(object? argument) => argument is TEnum value ? IndexOfMember(value) : _names.Length - 1;

    // The value's bits as an unsigned number, whatever the underlying type: the JIT keeps only the branch of TEnum's size.
    private static ulong Bits(TEnum value) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, uint>(ref value),
        _ => Unsafe.As<TEnum, ulong>(ref value),
    };

    private int IndexOfMember(TEnum value)
    {
        var bits = Bits(value);
        if (bits < DirectRange)
        {
            return _direct[bits];
        }

        return _beyondDirect.TryGetValue(value, out var index) ? index : -1;
    }

    private string Other(TEnum value)
    {
        if (_others.TryGetValue(value, out var text))
        {
            return text;
        }

        text = value.ToString();
        if (Volatile.Read(ref _otherCount) < _limit && _others.TryAdd(value, text))
        {
            Interlocked.Increment(ref _otherCount);
        }

        return text;
    }
}
