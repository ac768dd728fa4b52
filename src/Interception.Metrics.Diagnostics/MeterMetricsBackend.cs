using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Interception.Metrics.Diagnostics.Instruments;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics;

/// <summary>
/// Records through <see cref="System.Diagnostics.Metrics"/>: counters become <see cref="Counter{T}"/>, histograms
/// and summaries <see cref="Histogram{T}"/> (seconds, with bucket advice), gauges <see cref="Gauge{T}"/>; labels
/// become tags. Read it with the OpenTelemetry SDK (<c>AddMeter(meterName)</c>), <c>dotnet-counters</c> or any
/// <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// Bound series build their tag list once, so a recording is a single instrument call. Metric names are used
/// as instrument names (a <c>:</c> becomes <c>_</c>). Nothing is recorded while no listener is subscribed. A gauge
/// is exported only once it has been set. A listener identifies a meter by its name: two backends (two containers)
/// with the same meter name are added up by OpenTelemetry, so give each its own name; the second logs a warning.
/// </remarks>
public sealed class MeterMetricsBackend : MetricsBackend, IDisposable
{
    private static readonly Action<ILogger, string, Exception?> LogSameName = LoggerMessage.Define<string>(
        LogLevel.Warning,
        new EventId(1, "MeterNameInUse"),
        "Another meter named '{MeterName}' is already live in this process, such as the metrics of another container. Listeners such as OpenTelemetry identify a meter by its name and add the measurements of both up. Give each container its own Metrics:Backends:Meter:MeterName.");

    private readonly ConcurrentDictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<double>? _defaultBuckets;
    private readonly bool _ownsMeter;

    /// <summary>Creates the backend and its meter.</summary>
    /// <param name="options">Meter name and default buckets; defaults when <see langword="null"/>.</param>
    /// <param name="meterFactory">
    /// Creates (and owns) the meter, as in an application with <c>services.AddMetrics()</c>; when
    /// <see langword="null"/>, the backend creates the meter itself and disposes it with itself.
    /// </param>
    /// <param name="logger">
    /// Receives a warning when another meter of the same name is already live in the process (listeners would add the
    /// two up), and the invalid values the backend drops.
    /// </param>
    /// <exception cref="ArgumentException">The meter name is empty, or the buckets are empty, not finite or not strictly increasing.</exception>
    public MeterMetricsBackend(MeterMetricsBackendOptions? options = null, IMeterFactory? meterFactory = null, ILogger? logger = null)
        : base(options?.CardinalityLimit ?? DefaultCardinalityLimit, logger)
    {
        options ??= new MeterMetricsBackendOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.MeterName, nameof(options));
        _defaultBuckets = options.HistogramBuckets is null ? null : ValidateBuckets(options.HistogramBuckets);
        var meterOptions = new MeterOptions(options.MeterName);
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(meterOptions) ?? new Meter(meterOptions);
        if (logger is not null && MeterNames.IsUsedByAnotherMeter(Meter))
        {
            LogSameName(logger, Meter.Name, null);
        }
    }

    /// <summary>The meter every instrument of this backend belongs to.</summary>
    public Meter Meter { get; }

    /// <summary>Disposes the meter when the backend created it (not when an <see cref="IMeterFactory"/> did); listeners see its instruments end.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    /// <inheritdoc />
    protected override void InitializeCore(MetricDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var name = InstrumentNames.From(definition.Name);
        Instrument instrument = definition.Type switch
        {
            MetricType.Counter => Meter.CreateCounter<double>(name, unit: null, definition.Description),
            MetricType.Gauge => Meter.CreateGauge<double>(name, unit: null, definition.Description),
            _ => Meter.CreateHistogram(
                name,
                InstrumentNames.HistogramUnit(definition.Name),
                definition.Description,
                tags: null,
                Advice(definition)),
        };
        _instruments[definition.Name] = instrument;
    }

    /// <inheritdoc />
    protected override IMetricSeries CreateSeries(
        MetricDefinition definition,
        IReadOnlyList<string> labelValues,
        IReadOnlyList<KeyValuePair<string, string>> constantLabels)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var tags = MeterTags.Build(definition.LabelNames ?? [], labelValues, constantLabels);
        return _instruments[definition.Name] switch
        {
            Counter<double> counter => new MeterCounterSeries(counter, tags, ValueGuard(definition)),
            Gauge<double> gauge => new MeterGaugeSeries(gauge, tags, ValueGuard(definition)),
            Histogram<double> histogram => new MeterHistogramSeries(histogram, tags, ValueGuard(definition)),
            var other => throw new InvalidOperationException($"Unexpected instrument {other.GetType()} for metric '{definition.Name}'."),
        };
    }

    private static double[] ValidateBuckets(IReadOnlyList<double> buckets)
    {
        double[] copy = [.. buckets];
        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one histogram bucket is needed.", nameof(buckets));
        }

        for (var i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]) || (i > 0 && copy[i] <= copy[i - 1]))
            {
                throw new ArgumentException(
                    $"Histogram buckets must be finite and strictly increasing; bucket {i} breaks the rule.", nameof(buckets));
            }
        }

        return copy;
    }

    private InstrumentAdvice<double>? Advice(MetricDefinition definition)
    {
        var buckets = definition.Buckets ?? _defaultBuckets;
        return buckets is null ? null : new InstrumentAdvice<double> { HistogramBucketBoundaries = buckets };
    }
}
