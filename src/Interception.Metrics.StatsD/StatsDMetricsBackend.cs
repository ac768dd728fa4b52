using Interception.Metrics.StatsD.Protocol;
using Interception.Metrics.StatsD.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>
/// Sends metrics over UDP to a StatsD agent (Etsy statsd, the Datadog agent, Telegraf...) as DogStatsD lines:
/// <c>name:1|c|#label:value</c> for counters, <c>name:3|g</c> for gauges, and <c>|ms</c> lines for histograms and
/// summaries. A duration (a histogram or summary named <c>..._seconds</c>) is recorded in seconds and sent as a timer
/// in milliseconds under its name without the suffix (<c>function_duration:12.5|ms</c>), so name and unit agree; any
/// other histogram or summary is sent with the values as recorded, under its own name.
/// </summary>
/// <remarks>
/// <para>
/// Recording never blocks and never throws because of the network: it writes into a bounded queue
/// (<see cref="StatsDMetricsBackendOptions.MaxQueueSize"/>) that one background loop packs into datagrams of at
/// most <see cref="StatsDMetricsBackendOptions.MaxPacketSize"/> bytes. A full queue or a failed send (agent down)
/// drops the recordings and counts them in <see cref="DroppedCount"/>, also sent to the agent as
/// <c>statsd_dropped_total</c> once it answers again. Behind a <see cref="MultiMetricsBackend"/> with other
/// backends (as configuration wires it), the same count reaches those backends as
/// <c>metrics_backend_dropped_total{backend="statsd"}</c> (see <see cref="IMetricsDropSource"/>), so that a
/// Prometheus alert can see it.
/// </para>
/// <para>
/// Label values and names are sanitized (<c>: | @ # ,</c> and control characters become <c>_</c>; tag values
/// longer than 200 characters are cut), so no recorded value can produce a malformed line. A value its metric
/// cannot record (a negative, NaN or infinite increment or observation, a gauge value that is not finite) is never
/// queued: it is counted in <see cref="MetricsBackend.InvalidValueCount"/> and sent as
/// <c>metrics_invalid_values_total{metric}</c>. Dispose to send what is still queued.
/// </para>
/// </remarks>
public sealed class StatsDMetricsBackend : MetricsBackend, IMetricsDropSource, IDisposable, IAsyncDisposable
{
    /// <summary>The self-metric counting dropped recordings (prefixed like every other metric).</summary>
    public const string DroppedMetricName = "statsd_dropped_total";

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private static readonly Action<ILogger, string, int, Exception?> LogLineTooLong = LoggerMessage.Define<string, int>(
        LogLevel.Warning,
        new EventId(3, "StatsDLineTooLong"),
        "A series of '{Metric}' has a StatsD line longer than the {Limit} bytes a datagram allows; its recordings are dropped. Use fewer or shorter labels, or raise MaxPacketSize.");

    private readonly StatsDSender _sender;
    private readonly string _prefix;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Creates the backend and starts its background sender. Nothing is sent until something is recorded.</summary>
    /// <param name="options">Agent address and limits; defaults when <see langword="null"/>. Copied: later changes have no effect.</param>
    /// <param name="logger">Reports an unreachable agent (at most once a minute) and oversized lines.</param>
    /// <exception cref="ArgumentException">An option is out of range, or the prefix is too long for the packet size.</exception>
    public StatsDMetricsBackend(StatsDMetricsBackendOptions? options = null, ILogger? logger = null)
        : base(options?.CardinalityLimit ?? DefaultCardinalityLimit, logger)
    {
        var settings = (options ?? new StatsDMetricsBackendOptions()).Clone();
        settings.Validate();
        _logger = logger ?? NullLogger.Instance;
        _prefix = StatsDLineFormat.NormalizePrefix(settings.Prefix);
        _sender = new StatsDSender(settings, _prefix, _logger, RaiseDropped);
    }

    /// <summary>
    /// Raised after <see cref="DroppedCount"/> grew, on the thread that dropped the recordings: a caller's thread when
    /// the queue is full, else the background sender. Handlers must be cheap; an exception from one is ignored.
    /// </summary>
    public event EventHandler? Dropped;

    /// <summary>
    /// Recordings that did not reach the network: the queue was full, the agent could not be reached, a duration
    /// was too large to be written in milliseconds, the line did not fit a datagram, or the backend was disposed.
    /// Values invalid for their metric are not recorded at all: they are counted in
    /// <see cref="MetricsBackend.InvalidValueCount"/>.
    /// </summary>
    public long DroppedCount => _sender.Dropped;

    /// <summary>Recordings sent in a datagram the operating system accepted. With <see cref="DroppedCount"/> it accounts for every recording once the queue is empty.</summary>
    public long SentCount => _sender.Sent;

    /// <summary>Stops accepting recordings, sends what is queued (waiting at most 5 seconds) and closes the socket.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _sender.Stop(StopTimeout);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _sender.StopAsync(StopTimeout) : ValueTask.CompletedTask;

    private void RaiseDropped()
    {
        try
        {
            Dropped?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception)
        {
            // A handler of the application must never make recording throw or stop the sender.
        }
    }

    /// <inheritdoc />
    protected override void InitializeCore(MetricDefinition definition)
    {
        // StatsD has no declarations: a metric exists once a line names it.
    }

    /// <inheritdoc />
    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var head = StatsDLineFormat.Head(_prefix, definition);
        var tail = StatsDLineFormat.Tail(
            StatsDLineFormat.TypeOf(definition.Type), definition.LabelNames ?? [], labelValues, constantLabels);
        if (head.Length + tail.Length > _sender.LineLimit)
        {
            LogLineTooLong(_logger, definition.Name, _sender.LineLimit, null);
        }

        return new StatsDSeries(_sender, definition, head, tail, ValueGuard(definition));
    }
}
