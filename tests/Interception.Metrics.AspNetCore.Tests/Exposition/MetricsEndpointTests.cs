using System.Net;
using Interception.Metrics.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Interception.Metrics.AspNetCore.Tests.Exposition;

/// <summary><c>MapMetricsEndpoint</c> in a real Kestrel application with Autofac and <see cref="MetricsModule"/>.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MapMetricsEndpoint_NoAcceptHeader_ServesTheTextFormatOfTheCollector()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapMetricsEndpoint();
            a.MapGet("/orders/{id:int}", (int id) => id);
        });
        await app.GetStringAsync("/orders/5");

        using var response = await app.Client.GetAsync(new Uri("metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ContentType(response));
        Assert.Contains("http_requests_total{method=\"GET\",endpoint=\"/orders/{id:int}\",status=\"200\"} 1\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("# EOF", body, StringComparison.Ordinal);
        Assert.Equal(app.Services.GetRequiredService<MetricsCollectorService>().GetMetricsOutput(), body);
    }

    [Fact]
    public async Task MapMetricsEndpoint_AcceptAsksForOpenMetrics_ServesOpenMetricsWithItsContentType()
    {
        await using var app = await TestWebApp.StartAsync(a =>
        {
            a.UseRequestMetrics();
            a.MapMetricsEndpoint("/internal/metrics");
            a.MapGet("/ping", () => "pong");
        });
        await app.GetStringAsync("/ping");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("internal/metrics", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        using var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", ContentType(response));
        Assert.Contains("http_requests_total{method=\"GET\",endpoint=\"/ping\",status=\"200\"} 1.0\n", body, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapMetricsEndpoint_HeadRequest_AnswersTheContentTypeWithoutABody()
    {
        await using var app = await TestWebApp.StartAsync(a => a.MapMetricsEndpoint());

        using var response = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("metrics", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", ContentType(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task MapMetricsEndpoint_ReturnsTheConventionBuilder_SoRequireHostApplies()
    {
        await using var app = await TestWebApp.StartAsync(a => a.MapMetricsEndpoint().RequireHost("metrics.internal"));

        using var wrongHost = await app.Client.GetAsync(new Uri("metrics", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("metrics", UriKind.Relative));
        request.Headers.Host = "metrics.internal";
        using var rightHost = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, wrongHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightHost.StatusCode);
    }

    [Fact]
    public async Task MapMetricsEndpoint_PrometheusSwitchedOff_Answers404NamingTheKeyThatTurnsItOn()
    {
        await using var app = await TestWebApp.StartAsync(a => a.MapMetricsEndpoint(), [("Metrics:Backends:Prometheus:Enabled", "false")]);

        using var response = await app.Client.GetAsync(new Uri("metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Metrics:Backends:Prometheus:Enabled=true", body, StringComparison.Ordinal);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MapMetricsEndpoint_Post_IsNotServed()
    {
        await using var app = await TestWebApp.StartAsync(a => a.MapMetricsEndpoint());

        using var response = await app.Client.PostAsync(new Uri("metrics", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static string? ContentType(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.ToString().Replace("\"", string.Empty, StringComparison.Ordinal);
}
