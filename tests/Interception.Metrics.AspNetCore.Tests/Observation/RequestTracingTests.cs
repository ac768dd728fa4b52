using System.Diagnostics;
using System.Text.RegularExpressions;
using Autofac;
using Interception.Metrics.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Interception.Metrics.AspNetCore.Tests.Observation;

/// <summary>
/// A timed call made while ASP.NET Core handles a request is a child of the request's activity, in the trace the
/// client started; its duration's exemplar names it in the OpenMetrics answer of <c>MapMetricsEndpoint</c>. Read
/// through the real OpenTelemetry SDK tracer provider, listening to ASP.NET Core's source and ours.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed partial class RequestTracingTests : IDisposable
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    private readonly List<Activity> _exported = [];
    private readonly TracerProvider _tracer;

    public RequestTracingTests()
    {
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(AspNetCoreSource, MetricsInterceptor.ActivitySourceName)
            .SetSampler(new AlwaysOnSampler())
            .AddInMemoryExporter(_exported)
            .Build();
    }

    public void Dispose() => _tracer.Dispose();

    [Fact]
    public async Task TimedCallInsideARequest_ItsActivityIsAChildOfTheRequestsInTheClientsTrace()
    {
        await using var app = await StartAsync();
        var clientTrace = ActivityTraceId.CreateRandom();
        var clientSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("quotes/MSFT", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{clientTrace.ToHexString()}-{clientSpan.ToHexString()}-01");

        using var response = await app.Client.SendAsync(request);
        Assert.Equal("4", await response.Content.ReadAsStringAsync());

        var spans = await ExportedAsync(clientTrace, 2);
        var server = Assert.Single(spans, s => s.Source.Name == AspNetCoreSource);
        var call = Assert.Single(spans, s => s.Source.Name == MetricsInterceptor.ActivitySourceName);
        Assert.Equal(clientSpan, server.ParentSpanId);
        Assert.Equal(server.SpanId, call.ParentSpanId);
        Assert.Equal("QuoteService.PriceAsync", call.DisplayName);
        Assert.Equal(ActivityKind.Internal, call.Kind);
        Assert.Equal(ActivityStatusCode.Ok, call.Status);
    }

    [Fact]
    public async Task MapMetricsEndpoint_OpenMetrics_DurationExemplarNamesTheTimedCallsSpan()
    {
        await using var app = await StartAsync();
        Assert.Equal("4", await app.GetStringAsync("quotes/MSFT"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        using var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var exemplar = Exemplar().Match(body);
        Assert.True(exemplar.Success, body);
        var span = Assert.Single(_exported, a => a.Source.Name == MetricsInterceptor.ActivitySourceName);
        Assert.Equal(span.TraceId.ToHexString(), exemplar.Groups["trace"].Value);
        Assert.Equal(span.SpanId.ToHexString(), exemplar.Groups["span"].Value);
        Assert.DoesNotContain(" # {", await app.GetStringAsync("metrics"), StringComparison.Ordinal);
    }

    private static Task<TestWebApp> StartAsync() => TestWebApp.StartAsync(
        app =>
        {
            app.MapMetricsEndpoint();
            app.MapGet("/quotes/{symbol}", async (string symbol, IQuoteService quotes) => await quotes.PriceAsync(symbol));
        },
        [("Metrics:Backends:Prometheus:Enabled", "true")],
        register: c => c.RegisterType<QuoteService>().As<IQuoteService>());

    private async Task<IReadOnlyList<Activity>> ExportedAsync(ActivityTraceId trace, int count)
    {
        // The server's activity stops after the response is sent, so it may be exported just after the client reads it.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Activity[] spans;
            lock (_exported)
            {
                spans = [.. _exported.Where(a => a.TraceId == trace)];
            }

            if (spans.Length >= count || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return spans;
            }

            await Task.Delay(20);
        }
    }

    [GeneratedRegex("""^function_duration_seconds_bucket\{function="QuoteService\.PriceAsync",le="[^"]+"\} \S+ # \{trace_id="(?<trace>[0-9a-f]{32})",span_id="(?<span>[0-9a-f]{16})"\}""", RegexOptions.Multiline)]
    private static partial Regex Exemplar();
}
