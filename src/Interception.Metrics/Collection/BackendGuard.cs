namespace Interception.Metrics.Collection;

/// <summary>Puts a backend behind a fan-out, so that nothing it throws reaches a service's caller.</summary>
internal static class BackendGuard
{
    public static MultiMetricsBackend Wrap(IMetricsBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return backend as MultiMetricsBackend ?? new MultiMetricsBackend(
            [backend],
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MultiMetricsBackend>.Instance,
            (backend as MetricsBackend)?.CardinalityLimit ?? MetricsBackend.DefaultCardinalityLimit);
    }

    public static void InitializeAll(IMetricsBackend backend, IEnumerable<MetricDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            backend.InitializeMetric(definition);
        }
    }
}
