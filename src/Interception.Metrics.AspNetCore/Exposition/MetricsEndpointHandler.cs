using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.AspNetCore;

/// <summary>
/// Serves the collector's exposition in the format the scraper's <c>Accept</c> header asks for. A failure to render is
/// handled as the standalone Prometheus server handles it (<see cref="ScrapeFailure"/>).
/// </summary>
internal sealed class MetricsEndpointHandler(MetricsCollectorService collector, ILogger logger)
{
    /// <summary>The answer when no backend renders text.</summary>
    public const string NoExpositionMessage =
        "Not found: no metrics backend renders text. Turn the Prometheus backend on with Metrics:Backends:Prometheus:Enabled=true " +
        "(it needs the Interception.Metrics.Prometheus package) and check that Metrics:Enabled is not false.\n";

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        if (!collector.CanRenderMetrics)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(NoExpositionMessage, context.RequestAborted);
            return;
        }

        var format = collector.NegotiateFormat(context.Request.Headers.Accept.ToString());
        response.ContentType = MetricsExpositionFormats.GetContentType(format);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        try
        {
            await collector.WriteMetricsAsync(response.Body, format, context.RequestAborted);
        }
        catch (Exception exception) when (!ScrapeFailure.IsScraperGone(exception, context.RequestAborted))
        {
            ScrapeFailure.Log(logger, exception);
            if (response.HasStarted)
            {
                context.Abort();
                return;
            }

            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            try
            {
                await response.WriteAsync(ScrapeFailure.ResponseText, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The scraper went away before the answer.
            }
        }
        catch (OperationCanceledException)
        {
            // The scraper went away.
        }
    }
}
