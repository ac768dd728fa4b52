using System.Diagnostics.CodeAnalysis;
using Interception.Metrics.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interception.Metrics;

/// <summary>Maps the metrics exposition as an endpoint of an ASP.NET Core application.</summary>
public static class MetricsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the exposition of the configured backends at <paramref name="pattern"/> (GET and HEAD): the Prometheus
    /// text format 0.0.4 by default, OpenMetrics 1.0 when the <c>Accept</c> header asks for it, each with its content type.
    /// When no backend renders text (Prometheus switched off), it answers 404 with a message naming
    /// <c>Metrics:Backends:Prometheus:Enabled</c>. Scrapes are not counted by <c>UseRequestMetrics</c>.
    /// </summary>
    /// <param name="endpoints">The application; its services must hold <see cref="MetricsCollectorService"/> (register <c>MetricsModule</c>).</param>
    /// <param name="pattern">The route pattern. Default <c>/metrics</c>.</param>
    /// <returns>A builder for the endpoint, for <c>.RequireAuthorization()</c>, <c>.RequireHost()</c> and the like.</returns>
    /// <exception cref="InvalidOperationException"><see cref="MetricsCollectorService"/> is not registered.</exception>
    public static IEndpointConventionBuilder MapMetricsEndpoint(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/metrics")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        var collector = services.GetService<MetricsCollectorService>()
            ?? throw new InvalidOperationException(MissingCollector.Message(nameof(MapMetricsEndpoint)));
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Interception.Metrics.MetricsEndpoint") ?? NullLogger.Instance;
        var handler = new MetricsEndpointHandler(collector, logger);
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], new RequestDelegate(handler.HandleAsync))
            .WithDisplayName("Metrics exposition")
            .WithMetadata(MetricsEndpointMetadata.Instance);
    }
}
