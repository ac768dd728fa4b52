using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Prometheus;

/// <summary>
/// Answers the standalone server's requests: the exposition at the configured path (GET and HEAD, format negotiated
/// from <c>Accept</c>), a 404 naming that path anywhere else, and, when the server is bound to loopback, a 400 for
/// any <c>Host</c> that is not a loopback name, so that a web page cannot read the metrics through DNS rebinding. A
/// failure to render is handled as <c>MapMetricsEndpoint</c> handles it (<see cref="ScrapeFailure"/>).
/// </summary>
internal sealed class MetricsRequestHandler(IMetricsExposition exposition, PrometheusServerOptions options, bool loopbackOnly, ILogger logger)
{
    private const string PlainText = "text/plain; charset=utf-8";

    private readonly PathString _path = new(options.Path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/");

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (loopbackOnly && !IsAllowedHost(request.Host.Host))
        {
            await AnswerAsync(
                response,
                StatusCodes.Status400BadRequest,
                $"Bad request: this metrics server is bound to loopback and answers only the Host names localhost, 127.0.0.1 and [::1], not '{request.Host.Host}'. To serve other names, set Metrics:Backends:Prometheus:Server:Host.");
            return;
        }

        if (!IsMetricsPath(request.Path))
        {
            await AnswerAsync(
                response,
                StatusCodes.Status404NotFound,
                $"Not found: metrics are served at {options.Path} (for example http://{request.Host}{options.Path}).");
            return;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await AnswerAsync(response, StatusCodes.Status405MethodNotAllowed, $"Method not allowed: use GET {options.Path}.");
            return;
        }

        var format = MetricsExpositionFormats.Negotiate(request.Headers.Accept.ToString());
        response.ContentType = MetricsExpositionFormats.GetContentType(format);
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        try
        {
            await exposition.WriteMetricsAsync(response.Body, format, context.RequestAborted);
        }
        catch (Exception exception) when (!ScrapeFailure.IsScraperGone(exception, context.RequestAborted))
        {
            ScrapeFailure.Log(logger, exception);
            if (response.HasStarted)
            {
                context.Abort();
                return;
            }

            try
            {
                await AnswerAsync(response, StatusCodes.Status503ServiceUnavailable, ScrapeFailure.ResponseText.TrimEnd('\n'));
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The scraper went away before the answer.
            }
        }
        catch (OperationCanceledException)
        {
            // The scraper went away; nothing to answer.
        }
    }

    private static async Task AnswerAsync(HttpResponse response, int statusCode, string message)
    {
        response.StatusCode = statusCode;
        response.ContentType = PlainText;
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(message + "\n"));
    }

    private bool IsMetricsPath(PathString path) =>
        path.Equals(_path, StringComparison.OrdinalIgnoreCase)
        || (path.HasValue && path.Value.Length == _path.Value!.Length + 1 && path.Value[^1] == '/' && path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase));

    private bool IsAllowedHost(string host) =>
        ListenAddress.IsLoopbackName(host) || host.Equals(options.Host, StringComparison.OrdinalIgnoreCase);
}
