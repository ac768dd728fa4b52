using Interception.Metrics.Backends.Multi;
using Interception.Metrics.Backends.Series;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// Sends every declaration and measurement to all of its child backends. A child that throws never reaches the
/// caller and never stops the others: the failure is logged at a bounded rate and counted in
/// <c>metrics_backend_errors_total{backend}</c> by the healthy children. A value its metric cannot record
/// (see <see cref="MetricValueGuard"/>) reaches no child: it is counted in <c>metrics_invalid_values_total{metric}</c>
/// on every child and logged at a bounded rate. With no children it is a no-op.
/// </summary>
/// <remarks>
/// A child that loses recordings after accepting them and says so (<see cref="IMetricsDropSource"/>, such as the
/// StatsD backend) has its losses counted by the other children in <c>metrics_backend_dropped_total{backend}</c>,
/// whose series for that child are bound at zero when the fan-out is created.
/// </remarks>
public sealed class MultiMetricsBackend : MetricsBackend
{
    /// <summary>
    /// The self-metric counting, by <c>backend</c>, the recordings a child reported lost (<see cref="IMetricsDropSource"/>);
    /// counted by the other children.
    /// </summary>
    public const string DroppedMetricName = "metrics_backend_dropped_total";

    private readonly IMetricsBackend[] _children;
    private readonly BackendFailures _failures;

    /// <summary>Creates the fan-out with default options.</summary>
    /// <param name="backends">The children, in the order they receive measurements.</param>
    public MultiMetricsBackend(IEnumerable<IMetricsBackend> backends)
        : this(backends, NullLogger<MultiMetricsBackend>.Instance)
    {
    }

    /// <summary>Creates the fan-out.</summary>
    /// <param name="backends">The children, in the order they receive measurements.</param>
    /// <param name="logger">Receives child failures, at most one message per child per <paramref name="failureLogInterval"/>, and dropped invalid values, at most one message a minute.</param>
    /// <param name="cardinalityLimit">Distinct label sets per metric before folding.</param>
    /// <param name="timeProvider">Clock for the log rate limits; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="failureLogInterval">Least time between two failure messages of one child; one minute when <see langword="null"/>.</param>
    public MultiMetricsBackend(
        IEnumerable<IMetricsBackend> backends,
        ILogger<MultiMetricsBackend> logger,
        int cardinalityLimit = DefaultCardinalityLimit,
        TimeProvider? timeProvider = null,
        TimeSpan? failureLogInterval = null)
        : base(cardinalityLimit, logger ?? throw new ArgumentNullException(nameof(logger)), timeProvider)
    {
        ArgumentNullException.ThrowIfNull(backends);
        _children = backends.ToArray();
        if (_children.Any(c => c is null))
        {
            throw new ArgumentException("A child backend is null.", nameof(backends));
        }

        _failures = new BackendFailures(_children, logger, timeProvider ?? TimeProvider.System, failureLogInterval ?? TimeSpan.FromMinutes(1));
        for (var i = 0; i < _children.Length; i++)
        {
            Guard(i, nameof(InitializeMetric), child => child.InitializeMetric(BackendFailures.ErrorsDefinition));
        }

        DropPublisher.AttachAll(_children, _failures);
    }

    /// <summary>The child backends.</summary>
    public IReadOnlyList<IMetricsBackend> Backends => _children;

    /// <summary>How many calls the child at <paramref name="index"/> has failed.</summary>
    public long GetFailureCount(int index) => _failures.CountOf(index);

    /// <inheritdoc />
    protected override void InitializeCore(MetricDefinition definition)
    {
        for (var i = 0; i < _children.Length; i++)
        {
            Guard(i, nameof(InitializeMetric), child => child.InitializeMetric(definition));
        }
    }

    /// <inheritdoc />
    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        var values = labelValues as string[] ?? labelValues.ToArray();
        var constants = constantLabels.Count == 0 ? null : constantLabels;
        var series = new List<IMetricSeries>(_children.Length);
        var indexes = new List<int>(_children.Length);
        for (var i = 0; i < _children.Length; i++)
        {
            try
            {
                series.Add(_children[i].Bind(definition.Name, values, constants));
                indexes.Add(i);
            }
            catch (Exception exception)
            {
                _failures.Report(i, exception, nameof(Bind));
            }
        }

        // The value rule is applied here, before any child sees the value: a child of the application's own that
        // checks nothing is protected too, and a dropped value is counted once on every child.
        var guard = ValueGuard(definition);
        return series.Count switch
        {
            0 => NullSeries.Instance,
            1 => new GuardedSeries(series[0], indexes[0], _failures, guard),
            _ => new FanOutSeries([.. series], [.. indexes], _failures, guard),
        };
    }

    private void Guard(int index, string operation, Action<IMetricsBackend> action)
    {
        try
        {
            action(_children[index]);
        }
        catch (Exception exception)
        {
            _failures.Report(index, exception, operation);
        }
    }
}
