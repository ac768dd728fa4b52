using System.ComponentModel;

namespace Interception.Metrics.Timing.Decorators;

/// <summary>
/// The plans of a generated decorator's methods, by slot, shared by every decorator of one registration. Each slot is
/// bound on the first call of its method, as a proxy binds its methods, so a method never called adds no series.
/// </summary>
/// <remarks>Infrastructure for generated code; not meant to be used directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TimerSlots
{
    // A slot holds null until bound, then its MethodTimer or this marker of a method that is not timed.
    private static readonly object Untimed = new();

    private readonly object?[] _slots;
    private readonly Func<int, MethodTimer?> _bind;

    /// <summary>Creates the slots.</summary>
    /// <param name="count">How many slots.</param>
    /// <param name="bind">Builds the plan of a slot (<see langword="null"/> when its method is not timed); called about once per slot.</param>
    public TimerSlots(int count, Func<int, MethodTimer?> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        _slots = new object?[count];
        _bind = bind;
    }

    /// <summary>The plan of <paramref name="slot"/>; <see langword="null"/> when its method is not timed.</summary>
    /// <param name="slot">The method's slot.</param>
    public MethodTimer? this[int slot] => Volatile.Read(ref _slots[slot]) is { } bound ? bound as MethodTimer : Bind(slot);

    private MethodTimer? Bind(int slot)
    {
        var timer = _bind(slot);
        Volatile.Write(ref _slots[slot], (object?)timer ?? Untimed);
        return timer;
    }
}
