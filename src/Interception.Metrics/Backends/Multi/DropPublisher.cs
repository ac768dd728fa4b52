namespace Interception.Metrics.Backends.Multi;

/// <summary>
/// Publishes the losses of one child of the fan-out that reports them (<see cref="IMetricsDropSource"/>) on the
/// fan-out's other children, as <c>metrics_backend_dropped_total{backend}</c>. Its series are bound at zero on
/// every other child when the fan-out is created, so the counter is scraped from the start and the first drop is
/// an increase an alert can see. Children that report drops themselves are not published on: two lossy backends
/// would otherwise count each other's losses as new recordings, and lose them again, back and forth.
/// </summary>
/// <remarks>
/// Exact without a lock: each notification reads the source's total and claims the part not published yet with a
/// compare-and-swap, so every drop is published once whichever thread reports it, and drops that happened before
/// the fan-out existed are published when it is created. Never throws.
/// </remarks>
internal sealed class DropPublisher
{
    public static readonly MetricDefinition Definition = new(
        MultiMetricsBackend.DroppedMetricName,
        MetricType.Counter,
        "Recordings a metrics backend accepted and then lost (a full queue, an unreachable agent); counted by the other backends of the fan-out.",
        ["backend"]);

    private readonly IMetricsDropSource _source;
    private readonly IMetricSeries[] _targets;
    private readonly int[] _targetIndexes;
    private readonly BackendFailures _failures;
    private long _published;

    private DropPublisher(IMetricsDropSource source, int sourceIndex, IReadOnlyList<IMetricsBackend> children, BackendFailures failures)
    {
        _source = source;
        _failures = failures;
        var targets = new List<IMetricSeries>(children.Count - 1);
        var indexes = new List<int>(children.Count - 1);
        for (var other = 0; other < children.Count; other++)
        {
            if (other == sourceIndex || children[other] is IMetricsDropSource)
            {
                continue;
            }

            try
            {
                children[other].InitializeMetric(Definition);
                targets.Add(children[other].Bind(Definition.Name, [failures.NameOf(sourceIndex)]));
                indexes.Add(other);
            }
            catch (Exception exception)
            {
                failures.Report(other, exception, nameof(IMetricsBackend.Bind));
            }
        }

        _targets = [.. targets];
        _targetIndexes = [.. indexes];
    }

    /// <summary>Subscribes to every child that reports its losses, when there is a child that does not to publish them on.</summary>
    public static void AttachAll(IReadOnlyList<IMetricsBackend> children, BackendFailures failures)
    {
        if (children.All(c => c is IMetricsDropSource))
        {
            return;
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is IMetricsDropSource source)
            {
                var publisher = new DropPublisher(source, i, children, failures);
                source.Dropped += publisher.OnDropped;
                publisher.Publish();
            }
        }
    }

    private void OnDropped(object? sender, EventArgs e) => Publish();

    private void Publish()
    {
        long total;
        try
        {
            total = _source.DroppedCount;
        }
        catch (Exception)
        {
            // A source whose count cannot be read publishes nothing this time; the next notification catches up.
            return;
        }

        var published = Interlocked.Read(ref _published);
        while (total > published)
        {
            var seen = Interlocked.CompareExchange(ref _published, total, published);
            if (seen == published)
            {
                Record(total - published);
                return;
            }

            published = seen;
        }
    }

    private void Record(long count)
    {
        for (var i = 0; i < _targets.Length; i++)
        {
            try
            {
                _targets[i].Record(count);
            }
            catch (Exception exception)
            {
                _failures.Report(_targetIndexes[i], exception, nameof(IMetricSeries.Record));
            }
        }
    }
}
