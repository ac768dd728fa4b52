using Interception.Metrics.Backends.Striping;
using Prometheus;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// A bound counter series: recording adds to the series' cells (see <see cref="StripedCells"/>), once its metric's
/// guard accepts the value; each collection adds what they hold to the cached prometheus-net child.
/// </summary>
internal sealed class StripedCounterSeries(Counter.Child child, MetricValueGuard guard) : IMetricSeries, IFoldedSeries
{
    // A count of recordings and their sum (the bits of a double).
    private const int Count = StripedCells.FirstValue;
    private const int Sum = StripedCells.FirstValue + 1;

    private readonly StripedCells _cells = new(2);

    public void Record(double value)
    {
        if (guard.Accept(value))
        {
            var cell = _cells.Enter();
            cell[Count]++;
            cell[Sum] = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(cell[Sum]) + value);
            StripedCells.Exit(cell);
        }
    }

    public void Fold()
    {
        long count = 0;
        var sum = 0.0;
        for (var i = 0; i < _cells.CellCount; i++)
        {
            if (_cells.Cell(i) is { } cell)
            {
                StripedCells.EnterCell(cell);
                count += cell[Count];
                sum += BitConverter.Int64BitsToDouble(cell[Sum]);
                cell[Count] = 0;
                cell[Sum] = 0;
                StripedCells.Exit(cell);
            }
        }

        if (count != 0)
        {
            child.Inc(sum);
        }
    }
}
