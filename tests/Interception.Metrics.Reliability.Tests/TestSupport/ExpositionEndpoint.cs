using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Interception.Metrics.Prometheus.Tests.TestSupport;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>
/// A minimal scrape endpoint on loopback serving a <see cref="PrometheusMetricsBackend"/> in the format each scrape's
/// <c>Accept</c> header asks for (OpenMetrics when it lists it), and noting the headers it was sent.
/// </summary>
internal sealed class ExpositionEndpoint : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly PrometheusMetricsBackend _backend;
    private readonly Task _serving;

    public ExpositionEndpoint(PrometheusMetricsBackend backend)
    {
        _backend = backend;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The <c>Accept</c> headers of the scrapes so far.</summary>
    public ConcurrentQueue<string> AcceptHeaders { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var accept = context.Request.Headers["Accept"] ?? string.Empty;
            AcceptHeaders.Enqueue(accept);
            var format = PrometheusMetricsBackend.SelectFormat(accept);
            var body = Encoding.UTF8.GetBytes(_backend.GetMetricsOutput(format));
            context.Response.ContentType = PrometheusMetricsBackend.GetContentType(format);
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
