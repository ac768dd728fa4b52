using Interception.Metrics.Backends.Striping;

namespace Interception.Metrics.Backends.InMemory;

/// <summary>
/// One series of the in-memory backend: a counter or gauge value, or a histogram's count, sum, min and max. A gauge
/// keeps its last value under a lock; a counter or histogram records into cells (<see cref="StripedCells"/>), so that
/// threads recording it on different cores do not take turns, and a snapshot adds the cells up.
/// </summary>
internal sealed class InMemorySeries : IMetricSeries
{
    // A cell's values: recordings, their sum, and the smallest and largest (the bits of doubles).
    private const int Count = StripedCells.FirstValue;
    private const int Sum = StripedCells.FirstValue + 1;
    private const int Min = StripedCells.FirstValue + 2;
    private const int Max = StripedCells.FirstValue + 3;

    private static readonly long PositiveInfinityBits = BitConverter.DoubleToInt64Bits(double.PositiveInfinity);
    private static readonly long NegativeInfinityBits = BitConverter.DoubleToInt64Bits(double.NegativeInfinity);

    private readonly MetricValueGuard _guard;
    private readonly StripedCells? _cells;
    private readonly Lock _gate = new();
    private double _gaugeValue;
    private bool _gaugeSet;

    public InMemorySeries(MetricType type, IReadOnlyDictionary<string, string> labels, MetricValueGuard guard)
    {
        Type = type;
        Labels = labels;
        _guard = guard;
        if (type != MetricType.Gauge)
        {
            _cells = new StripedCells(4, static cell =>
            {
                cell[Min] = PositiveInfinityBits;
                cell[Max] = NegativeInfinityBits;
            });
        }
    }

    public MetricType Type { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Whether anything was recorded: a gauge that was bound but never set has no value.</summary>
    public bool HasBeenRecorded
    {
        get
        {
            if (_cells is null)
            {
                lock (_gate)
                {
                    return _gaugeSet;
                }
            }

            return Read().Count > 0;
        }
    }

    public void Record(double value)
    {
        if (!_guard.Accept(value))
        {
            return;
        }

        if (_cells is null)
        {
            lock (_gate)
            {
                _gaugeSet = true;
                _gaugeValue = value;
            }

            return;
        }

        var cell = _cells.Enter();
        cell[Count]++;
        cell[Sum] = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(cell[Sum]) + value);
        if (Type != MetricType.Counter)
        {
            cell[Min] = BitConverter.DoubleToInt64Bits(Math.Min(BitConverter.Int64BitsToDouble(cell[Min]), value));
            cell[Max] = BitConverter.DoubleToInt64Bits(Math.Max(BitConverter.Int64BitsToDouble(cell[Max]), value));
        }

        StripedCells.Exit(cell);
    }

    public MetricSample Snapshot()
    {
        if (_cells is null)
        {
            lock (_gate)
            {
                return new MetricSample(Labels, _gaugeValue, 0, 0, 0, 0);
            }
        }

        var (count, sum, min, max) = Read();
        return Type == MetricType.Counter
            ? new MetricSample(Labels, sum, 0, 0, 0, 0)
            : new MetricSample(Labels, sum, count, sum, count == 0 ? 0 : min, count == 0 ? 0 : max);
    }

    /// <summary>The cells added up, each read between two recordings.</summary>
    private (long Count, double Sum, double Min, double Max) Read()
    {
        long count = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < _cells!.CellCount; i++)
        {
            if (_cells.Cell(i) is { } cell)
            {
                StripedCells.EnterCell(cell);
                count += cell[Count];
                sum += BitConverter.Int64BitsToDouble(cell[Sum]);
                min = Math.Min(min, BitConverter.Int64BitsToDouble(cell[Min]));
                max = Math.Max(max, BitConverter.Int64BitsToDouble(cell[Max]));
                StripedCells.Exit(cell);
            }
        }

        return (count, sum, min, max);
    }
}
