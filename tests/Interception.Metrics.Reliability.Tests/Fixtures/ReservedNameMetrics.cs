namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>A service that declares a metric under a catalogue name: its construction fails, naming it.</summary>
internal sealed class ReservedNameMetrics
{
    public ReservedNameMetrics(MetricsFactory metrics)
    {
        Calls = metrics.CreateCounter("function_calls_total", "Calls of my own.", "function");
    }

    public CustomCounter Calls { get; }
}
