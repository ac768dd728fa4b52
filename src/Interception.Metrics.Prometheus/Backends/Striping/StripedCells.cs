using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// Counts and sums of the slots of one series (a histogram's buckets, or a counter's one slot), kept in cells that
/// recording threads update and <see cref="Drain"/> empties. A series starts with one cell; the first time two threads
/// meet on it, it grows one cell per processor (up to <see cref="MaxStripes"/>), and each thread records into the cell
/// of the processor it runs on. Threads on different cores then write different cache lines, where one shared cell
/// makes every core wait for the line the others just wrote.
/// </summary>
/// <remarks>
/// Each cell is one <see cref="long"/> array: a cache line of padding, a lock word, one count per slot, one sum per
/// slot (the bits of a <see cref="double"/>), and a cache line of padding. A recording takes the cell's lock (one
/// uncontended compare-exchange on a line its core already owns), adds, and releases it; a drain takes each cell's lock
/// in turn, so it reads every slot's count and sum of a cell as one consistent pair and leaves them at zero: nothing
/// recorded is read twice or missed.
/// </remarks>
internal sealed class StripedCells
{
    /// <summary>The most cells a series grows to.</summary>
    public const int MaxStripes = 64;

    // One cache line (64 bytes) on each side, so that no other cell or object shares a line with this cell's values.
    private const int Padding = 8;
    private const int LockIndex = Padding;
    private const int FirstCount = Padding + 1;

    private readonly int _slots;
    private readonly long[] _first;
    private long[]?[]? _stripes;

    /// <param name="slots">How many (count, sum) slots each cell has.</param>
    public StripedCells(int slots)
    {
        _slots = slots;
        _first = NewCell();
    }

    /// <summary>How many slots each cell has.</summary>
    public int Slots => _slots;

    /// <summary>Adds one recording of <paramref name="value"/> to <paramref name="slot"/>: its count by one, its sum by the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int slot, double value)
    {
        var cell = _stripes is { } stripes ? stripes[Thread.GetCurrentProcessorId() & (stripes.Length - 1)] : _first;
        if (cell is null || Interlocked.CompareExchange(ref cell[LockIndex], 1, 0) != 0)
        {
            cell = EnterContended();
        }

        cell[FirstCount + slot]++;
        ref var sum = ref cell[FirstCount + _slots + slot];
        sum = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(sum) + value);
        Volatile.Write(ref cell[LockIndex], 0);
    }

    /// <summary>
    /// Moves every cell's counts and sums into <paramref name="counts"/> and <paramref name="sums"/> (added to what
    /// they hold), leaving the cells at zero. Safe while threads record; concurrent drains each take a disjoint part.
    /// </summary>
    public void Drain(Span<long> counts, Span<double> sums)
    {
        DrainCell(_first, counts, sums);
        if (Volatile.Read(ref _stripes) is { } stripes)
        {
            for (var i = 0; i < stripes.Length; i++)
            {
                if (Volatile.Read(ref stripes[i]) is { } cell)
                {
                    DrainCell(cell, counts, sums);
                }
            }
        }
    }

    private void DrainCell(long[] cell, Span<long> counts, Span<double> sums)
    {
        Enter(cell);
        for (var slot = 0; slot < _slots; slot++)
        {
            counts[slot] += cell[FirstCount + slot];
            sums[slot] += BitConverter.Int64BitsToDouble(cell[FirstCount + _slots + slot]);
            cell[FirstCount + slot] = 0;
            cell[FirstCount + _slots + slot] = 0;
        }

        Volatile.Write(ref cell[LockIndex], 0);
    }

    /// <summary>
    /// The slow path of <see cref="Add"/>: another thread holds the cell (or this processor has none yet). Grows the
    /// series to one cell per processor if it has not yet, then enters this processor's cell, or the next free one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long[] EnterContended()
    {
        var stripes = Volatile.Read(ref _stripes);
        if (stripes is null)
        {
            var count = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, Environment.ProcessorCount)), MaxStripes);
            Interlocked.CompareExchange(ref _stripes, new long[]?[count], null);
            stripes = _stripes!;
        }

        var spin = default(SpinWait);
        var index = Thread.GetCurrentProcessorId();
        while (true)
        {
            for (var i = 0; i < stripes.Length; i++)
            {
                var slot = (index + i) & (stripes.Length - 1);
                var cell = Volatile.Read(ref stripes[slot]);
                if (cell is null)
                {
                    Interlocked.CompareExchange(ref stripes[slot], NewCell(), null);
                    cell = stripes[slot]!;
                }

                if (Interlocked.CompareExchange(ref cell[LockIndex], 1, 0) == 0)
                {
                    return cell;
                }
            }

            spin.SpinOnce();
        }
    }

    private static void Enter(long[] cell)
    {
        var spin = default(SpinWait);
        while (Interlocked.CompareExchange(ref cell[LockIndex], 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    private long[] NewCell() => new long[FirstCount + (2 * _slots) + Padding];
}
