namespace Interception.Metrics;

/// <summary>Settings of the <see cref="MeterMetricsBackend"/>.</summary>
public sealed class MeterMetricsBackendOptions
{
    /// <summary>The default <see cref="MeterName"/>.</summary>
    public const string DefaultMeterName = "Interception.Metrics";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> the instruments belong to: what a listener
    /// subscribes to, such as OpenTelemetry's <c>AddMeter("Interception.Metrics")</c>. Default <c>Interception.Metrics</c>.
    /// </summary>
    public string MeterName { get; set; } = DefaultMeterName;

    /// <summary>
    /// Bucket upper bounds in seconds advised for histograms whose definition has none (<c>Metrics:Histogram:Buckets</c>);
    /// <see langword="null"/> leaves the choice to the listener.
    /// </summary>
    public IReadOnlyList<double>? HistogramBuckets { get; set; }

    /// <summary>Distinct label sets per metric before new ones fold into the overflow series. Default 2000.</summary>
    public int CardinalityLimit { get; set; } = MetricsBackend.DefaultCardinalityLimit;
}
