using Interception.Metrics.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>Adds HTTP request metrics to an ASP.NET Core pipeline.</summary>
public static class RequestMetricsApplicationBuilderExtensions
{
    /// <summary>
    /// Records <c>http_requests_total{method,endpoint,status}</c> and <c>http_request_duration_seconds{method,endpoint}</c>
    /// for every request, through <see cref="MetricsCollectorService"/>: <c>method</c> is the standard verb or <c>OTHER</c>,
    /// <c>endpoint</c> the matched route pattern (<c>/orders/{id:int}</c>) or <c>unmatched</c>, <c>status</c> the code the
    /// client got. Call it first, before <c>UseExceptionHandler</c> and <c>UseStatusCodePagesWithReExecute</c>, so that it
    /// sees the final status; a request they re-execute is counted once, with the endpoint routing first chose for it.
    /// Recording never changes the response: a failing backend is logged once. With <c>Metrics:Enabled=false</c> it adds
    /// nothing.
    /// </summary>
    /// <param name="app">The application; its services must hold <see cref="MetricsCollectorService"/> (register <c>MetricsModule</c>).</param>
    /// <param name="configure">Sets the <see cref="RequestMetricsOptions"/>; read once, here.</param>
    /// <returns><paramref name="app"/>.</returns>
    /// <exception cref="InvalidOperationException"><see cref="MetricsCollectorService"/> is not registered.</exception>
    /// <exception cref="ArgumentException">An excluded path does not start with <c>/</c>.</exception>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app, Action<RequestMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var collector = app.ApplicationServices.GetService<MetricsCollectorService>()
            ?? throw new InvalidOperationException(MissingCollector.Message(nameof(UseRequestMetrics)));
        var options = new RequestMetricsOptions();
        configure?.Invoke(options);
        foreach (var path in options.ExcludedPaths)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/')
            {
                throw new ArgumentException($"Excluded path '{path}' must start with '/', such as /health.", nameof(configure));
            }
        }

        if (collector.Backend is MultiMetricsBackend { Backends.Count: 0 })
        {
            return app;
        }

        if (options.TrackInProgress)
        {
            collector.Backend.InitializeMetric(MetricCatalogue.InProgress(MetricKind.Http));
        }

        var logger = app.ApplicationServices.GetService<ILoggerFactory>()?.CreateLogger("Interception.Metrics.RequestMetrics")
            ?? NullLogger.Instance;
        return app.Use(next => new RequestMetricsMiddleware(next, collector.Backend, options, logger).InvokeAsync);
    }
}
