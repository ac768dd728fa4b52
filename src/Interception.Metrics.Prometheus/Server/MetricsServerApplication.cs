using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// The whole application of the standalone server: one handler, no middleware, no generic host. Kestrel runs without
/// logging, so a request that fails in a way the handler does not answer itself is logged here.
/// </summary>
internal sealed class MetricsServerApplication(MetricsRequestHandler handler, ILogger logger) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => handler.HandleAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
        if (exception is not null)
        {
            logger.LogWarning(exception, "The Prometheus metrics server failed to answer {Method} {Path}.", context.Request.Method, context.Request.Path);
        }
    }
}
