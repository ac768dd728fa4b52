using System.Diagnostics;
using Interception.Metrics.Backends.Striping;
using Interception.Metrics.Prometheus.Exemplars;
using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// A bound histogram series: recording counts the value in its bucket and adds it to the bucket's sum, in the series'
/// cells (see <see cref="StripedCells"/>), once its metric's guard accepts the value; each collection observes what
/// they hold on the cached prometheus-net child, bucket by bucket. An observation made inside a sampled activity,
/// when exemplars are on, goes straight to the child with its exemplar.
/// </summary>
/// <remarks>
/// prometheus-net takes a count of observations of one value (<c>Observe(value, count)</c>: the count goes to the
/// value's bucket, <c>value × count</c> to the sum). A bucket's <c>n</c> folded observations with sum <c>s</c> are
/// observed as <c>n - 1</c> times their mean and once the remainder <c>s - mean × (n - 1)</c>; both lie in the
/// bucket, so every bucket count is exact, and the remainder is exact (Sterbenz: it subtracts two numbers within a
/// factor of two), so the sum grows by exactly <c>s</c> before prometheus-net adds it to its running total, as it adds
/// every value it observes itself.
/// </remarks>
internal sealed class StripedHistogramSeries : IMetricSeries, IFoldedSeries
{
    // Most histograms have about a dozen buckets: fold them on the stack.
    private const int StackSlots = 64;

    private readonly Histogram.Child _child;
    private readonly MetricValueGuard _guard;
    private readonly bool _exemplars;
    private readonly double[] _bounds;
    private readonly StripedCells _cells;
    private readonly int _slots;

    /// <param name="child">The prometheus-net child.</param>
    /// <param name="guard">The metric's value rule.</param>
    /// <param name="bounds">The histogram's bucket upper bounds, increasing, ending with +Inf as prometheus-net counts them; not copied.</param>
    /// <param name="exemplars">Whether an observation inside a sampled activity carries its trace as an exemplar.</param>
    public StripedHistogramSeries(Histogram.Child child, MetricValueGuard guard, double[] bounds, bool exemplars)
    {
        _child = child;
        _guard = guard;
        _exemplars = exemplars;
        _bounds = bounds;
        // Per bucket, a count and a sum (the bits of a double): cell[FirstValue + bucket], cell[FirstValue + slots + bucket].
        _slots = _bounds.Length;
        _cells = new StripedCells(2 * _slots);
    }

    public void Record(double value)
    {
        if (!_guard.Accept(value))
        {
            return;
        }

        if (_exemplars && Activity.Current is { Recorded: true } activity)
        {
            _child.Observe(value, TraceExemplars.Of(activity));
            return;
        }

        var bucket = 0;
        while (value > _bounds[bucket])
        {
            bucket++;
        }

        var cell = _cells.Enter();
        cell[StripedCells.FirstValue + bucket]++;
        ref var sum = ref cell[StripedCells.FirstValue + _slots + bucket];
        sum = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(sum) + value);
        StripedCells.Exit(cell);
    }

    public void Fold()
    {
        var slots = _slots;
        var counts = slots <= StackSlots ? stackalloc long[StackSlots] : new long[slots];
        var sums = slots <= StackSlots ? stackalloc double[StackSlots] : new double[slots];
        counts.Clear();
        sums.Clear();
        Drain(counts, sums);
        for (var bucket = 0; bucket < slots; bucket++)
        {
            var count = counts[bucket];
            if (count == 0)
            {
                continue;
            }

            var sum = sums[bucket];
            if (count == 1)
            {
                _child.Observe(sum, 1);
                continue;
            }

            var mean = IntoBucket(sum / count, bucket);
            var remainder = sum - (mean * (count - 1));
            if (InBucket(remainder, bucket))
            {
                _child.Observe(mean, count - 1);
                _child.Observe(remainder, 1);
            }
            else
            {
                _child.Observe(mean, count);
            }
        }
    }

    /// <summary>Moves every cell's counts and sums into <paramref name="counts"/> and <paramref name="sums"/>, leaving the cells at zero.</summary>
    private void Drain(Span<long> counts, Span<double> sums)
    {
        for (var i = 0; i < _cells.CellCount; i++)
        {
            if (_cells.Cell(i) is not { } cell)
            {
                continue;
            }

            StripedCells.EnterCell(cell);
            for (var bucket = 0; bucket < _slots; bucket++)
            {
                counts[bucket] += cell[StripedCells.FirstValue + bucket];
                sums[bucket] += BitConverter.Int64BitsToDouble(cell[StripedCells.FirstValue + _slots + bucket]);
                cell[StripedCells.FirstValue + bucket] = 0;
                cell[StripedCells.FirstValue + _slots + bucket] = 0;
            }

            StripedCells.Exit(cell);
        }
    }

    private bool InBucket(double value, int bucket) =>
        value <= _bounds[bucket] && (bucket == 0 || value > _bounds[bucket - 1]);

    // The mean of values in a bucket is in the bucket, but dividing a rounded sum can land one step outside its bounds.
    private double IntoBucket(double mean, int bucket) =>
        mean > _bounds[bucket] ? _bounds[bucket]
        : bucket > 0 && mean <= _bounds[bucket - 1] ? Math.BitIncrement(_bounds[bucket - 1])
        : mean;
}
