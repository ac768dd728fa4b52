using System.Numerics;
using System.Runtime.CompilerServices;

namespace Interception.Metrics.Backends.Striping;

/// <summary>
/// The cells one series records into, each a run of <see cref="long"/> values guarded by a lock word of its own. A
/// series starts with one cell; the first time two threads meet on it, it grows one cell per processor (up to
/// <see cref="MaxStripes"/>), and each thread records into the cell of the processor it runs on. Threads on different
/// cores then write different cache lines, where one shared cell makes every core wait for the line the others just
/// wrote. A reader enters each cell in turn (<see cref="CellCount"/>, <see cref="Cell"/>, <see cref="EnterCell"/>),
/// so it reads every cell's values as they were between two recordings.
/// </summary>
/// <remarks>
/// A cell is one array: a cache line of padding, the lock word, <c>width</c> values from <see cref="FirstValue"/>, and
/// a cache line of padding, so that no other cell or object shares a line with its values. Entering a cell is one
/// compare-exchange on a line the recording core already owns; leaving it is one store.
/// </remarks>
internal sealed class StripedCells
{
    /// <summary>The most cells a series grows to.</summary>
    public const int MaxStripes = 64;

    /// <summary>The index of a cell's first value.</summary>
    public const int FirstValue = Padding + 1;

    // One cache line (64 bytes) on each side.
    private const int Padding = 8;
    private const int LockIndex = Padding;

    private readonly int _width;
    private readonly Action<long[]>? _initialize;
    private readonly long[] _first;
    private long[]?[]? _stripes;

    /// <param name="width">How many values each cell holds.</param>
    /// <param name="initialize">Sets the values of a new cell, when zero is not their starting value.</param>
    public StripedCells(int width, Action<long[]>? initialize = null)
    {
        _width = width;
        _initialize = initialize;
        _first = NewCell();
    }

    /// <summary>How many cells exist: the first one, and the per-processor ones once the series grew.</summary>
    public int CellCount => 1 + (Volatile.Read(ref _stripes)?.Length ?? 0);

    /// <summary>
    /// Enters the calling processor's cell (the first one until the series grows) and returns it; its values start at
    /// <see cref="FirstValue"/>. The caller updates them and calls <see cref="Exit"/> at once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long[] Enter()
    {
        var cell = _stripes is { } stripes ? stripes[Thread.GetCurrentProcessorId() & (stripes.Length - 1)] : _first;
        return cell is not null && Interlocked.CompareExchange(ref cell[LockIndex], 1, 0) == 0 ? cell : EnterContended();
    }

    /// <summary>Leaves a cell entered with <see cref="Enter"/> or <see cref="EnterCell"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Exit(long[] cell) => Volatile.Write(ref cell[LockIndex], 0);

    /// <summary>Cell <paramref name="index"/> (below <see cref="CellCount"/>), or <see langword="null"/> when no thread has used it yet.</summary>
    public long[]? Cell(int index) =>
        index == 0 ? _first : Volatile.Read(ref _stripes) is { } stripes ? Volatile.Read(ref stripes[index - 1]) : null;

    /// <summary>Enters <paramref name="cell"/> for reading, waiting while a recording holds it; leave with <see cref="Exit"/>.</summary>
    public static void EnterCell(long[] cell)
    {
        var spin = default(SpinWait);
        while (Interlocked.CompareExchange(ref cell[LockIndex], 1, 0) != 0)
        {
            spin.SpinOnce();
        }
    }

    /// <summary>
    /// The slow path of <see cref="Enter"/>: another thread holds the cell (or this processor has none yet). Grows the
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

    private long[] NewCell()
    {
        var cell = new long[FirstValue + _width + Padding];
        _initialize?.Invoke(cell);
        return cell;
    }
}
