using Prometheus;

namespace Interception.Benchmarks.Peers;

/// <summary>
/// The two series every peer records, in a prometheus-net registry of its own: <c>function_calls_total{function,status}</c>
/// and <c>function_duration_seconds{function}</c>, with the same buckets as ours. Exemplars are off, as in ours.
/// </summary>
public sealed class PeerSeries
{
    /// <summary>The function label, as ours names it ("{ImplementationType}.{Method}").</summary>
    public const string FunctionName = "Calculator.Add";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Creates the two series in a registry of their own and binds the children of <paramref name="function"/>.</summary>
    /// <param name="function">The function label of the bound children.</param>
    public PeerSeries(string function = FunctionName)
    {
        var factory = global::Prometheus.Metrics.WithCustomRegistry(global::Prometheus.Metrics.NewCustomRegistry());
        factory.ExemplarBehavior = ExemplarBehavior.NoExemplars();
        Calls = factory.CreateCounter("function_calls_total", "Function calls.", "function", "status");
        Duration = factory.CreateHistogram(
            "function_duration_seconds",
            "Function duration.",
            new HistogramConfiguration { LabelNames = ["function"], Buckets = Buckets });
        Success = Calls.WithLabels(function, "success");
        Failed = Calls.WithLabels(function, "failed");
        BoundDuration = Duration.WithLabels(function);
    }

    /// <summary>The counter, for peers that bind per call.</summary>
    public Counter Calls { get; }

    /// <summary>The histogram, for peers that bind per call.</summary>
    public Histogram Duration { get; }

    /// <summary>Pre-bound success counter child.</summary>
    public Counter.Child Success { get; }

    /// <summary>Pre-bound failure counter child.</summary>
    public Counter.Child Failed { get; }

    /// <summary>Pre-bound histogram child.</summary>
    public Histogram.Child BoundDuration { get; }
}
