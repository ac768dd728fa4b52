namespace Interception.Metrics.StatsD.Tests.Support;

/// <summary>Definitions shared by the tests.</summary>
internal static class TestMetrics
{
    public static readonly MetricDefinition Calls =
        new("function_calls_total", MetricType.Counter, "Calls.", ["function", "status"]);

    public static readonly MetricDefinition Duration =
        new("function_duration_seconds", MetricType.Histogram, "Duration.", ["function"], [0.1, 1]);

    public static readonly MetricDefinition Connections =
        new("database_connections_active", MetricType.Gauge, "Connections.");

    /// <summary>Options for a backend sending to <paramref name="port"/> on loopback.</summary>
    public static StatsDMetricsBackendOptions Options(int port) => new() { Host = "127.0.0.1", Port = port };

    /// <summary>A backend with the test metrics declared.</summary>
    public static StatsDMetricsBackend Backend(StatsDMetricsBackendOptions options)
    {
        var backend = new StatsDMetricsBackend(options);
        backend.InitializeMetric(Calls);
        backend.InitializeMetric(Duration);
        backend.InitializeMetric(Connections);
        return backend;
    }
}
