using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Interception.Metrics.Prometheus;

/// <summary>The whole application of the standalone server: one handler, no middleware, no generic host.</summary>
internal sealed class MetricsServerApplication(MetricsRequestHandler handler) : IHttpApplication<HttpContext>
{
    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public Task ProcessRequestAsync(HttpContext context) => handler.HandleAsync(context);

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
