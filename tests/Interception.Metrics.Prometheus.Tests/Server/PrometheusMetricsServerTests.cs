using System.Net;
using System.Net.Sockets;
using Interception.Metrics.Prometheus.Tests.TestSupport;
using MetricType = Interception.Metrics.MetricType;

namespace Interception.Metrics.Prometheus.Tests.Server;

public sealed class PrometheusMetricsServerTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Server_Enabled_ServesThisBackendsExpositionOverHttp()
    {
        var port = FreePort.Next();
        using var backend = Serve(port);
        backend.InitializeMetric(new MetricDefinition("served_total", MetricType.Counter, "Served.", ["route"]));
        backend.Bind("served_total", ["/a \"b\""]).Record(3);

        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString().Replace("\"", string.Empty, StringComparison.Ordinal));
        Assert.Equal(backend.GetMetricsOutput(), body);
        Assert.Contains("served_total{route=\"/a \\\"b\\\"\"} 3\n", body, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{port}/metrics", backend.ServerAddress);
    }

    [Fact]
    public async Task Server_CustomPath_ServesThatPathOnly()
    {
        var port = FreePort.Next();
        using var backend = Serve(port, path: "/internal/prom");

        using var served = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/internal/prom"));
        using var other = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Server_DefaultHost_AnswersLocalhostToo()
    {
        var port = FreePort.Next();
        using var backend = Serve(port);
        backend.InitializeMetric(new MetricDefinition("served_total", MetricType.Counter, "Served."));

        using var response = await _http.GetAsync(new Uri($"http://localhost:{port}/metrics"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("served_total 0\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metric")]
    [InlineData("/metrics/extra")]
    public async Task Server_OtherPath_Answers404NamingTheMetricsPath(string path)
    {
        var port = FreePort.Next();
        using var backend = Serve(port, path: "/internal/prom");

        using var response = await _http.GetAsync(new Uri($"http://localhost:{port}{path}"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/internal/prom", body, StringComparison.Ordinal);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_AcceptAsksForOpenMetrics_ServesOpenMetricsWithItsContentType()
    {
        var port = FreePort.Next();
        using var backend = Serve(port);
        backend.InitializeMetric(new MetricDefinition("served_total", MetricType.Counter, "Served."));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/metrics"));
        request.Headers.TryAddWithoutValidation("Accept", "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType?.ToString().Replace("\"", string.Empty, StringComparison.Ordinal));
        Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
        Assert.Contains("served_total 0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_HeadRequest_AnswersHeadersWithoutBody()
    {
        var port = FreePort.Next();
        using var backend = Serve(port);
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri($"http://127.0.0.1:{port}/metrics"));

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Server_Post_Answers405AllowingGetAndHead()
    {
        var port = FreePort.Next();
        using var backend = Serve(port);

        using var response = await _http.PostAsync(new Uri($"http://127.0.0.1:{port}/metrics"), new StringContent("x"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Server_IPv6LoopbackHost_AnswersOnTheBracketedAddress()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        var port = FreePort.Next();
        using var backend = Serve(port, host: "::1");

        using var response = await _http.GetAsync(new Uri($"http://[::1]:{port}/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"http://[::1]:{port}/metrics", backend.ServerAddress);
    }

    [Fact]
    public async Task Server_LocalhostHost_AnswersOnBothLoopbackAddresses()
    {
        var port = FreePort.Next();
        using var backend = Serve(port, host: "localhost");

        using var v4 = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        Assert.Equal(HttpStatusCode.OK, v4.StatusCode);
        if (Socket.OSSupportsIPv6)
        {
            using var v6 = await _http.GetAsync(new Uri($"http://[::1]:{port}/metrics"));
            Assert.Equal(HttpStatusCode.OK, v6.StatusCode);
        }
    }

    [Fact]
    public async Task Server_LoopbackBoundHostHeaderOfAnotherName_IsRefused()
    {
        // A web page cannot read loopback metrics through DNS rebinding: its requests carry its own host name.
        var port = FreePort.Next();
        using var backend = Serve(port);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/metrics"));
        request.Headers.Host = $"attacker.example:{port}";

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("# TYPE", body, StringComparison.Ordinal);
        Assert.Contains("Metrics:Backends:Prometheus:Server:Host", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_EveryInterfaceHost_IsReachableOnLoopback()
    {
        var port = FreePort.Next();
        using var backend = Serve(port, host: "0.0.0.0");

        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Server_PortHeldByAnotherSocket_ThrowsNamingHostAndPort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var exception = Assert.Throws<InvalidOperationException>(() => Serve(port));

        Assert.Contains($"127.0.0.1:{port} is already in use", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Metrics:Backends:Prometheus:Server:Port", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_PortHeldByAnotherBackendOfThisProcess_ThrowsNamingHostAndPort()
    {
        var port = FreePort.Next();
        using var first = Serve(port);

        var exception = Assert.Throws<InvalidOperationException>(() => Serve(port));

        Assert.Contains($"127.0.0.1:{port} is already in use", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_RunningServer_StopsListeningAndFreesThePort()
    {
        var port = FreePort.Next();
        var backend = Serve(port);
        using (var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        backend.Dispose();
        backend.Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(new Uri($"http://127.0.0.1:{port}/metrics")));
        using var again = Serve(port);
        Assert.NotNull(again.ServerAddress);
    }

    [Fact]
    public void Server_Disabled_ListensNowhere()
    {
        using var backend = new PrometheusMetricsBackend();

        Assert.Null(backend.ServerAddress);
    }

    [Theory]
    [InlineData("", 9464, "/metrics")]
    [InlineData("::1::2", 9464, "/metrics")]
    [InlineData("bad host", 9464, "/metrics")]
    [InlineData("127.0.0.1", 0, "/metrics")]
    [InlineData("127.0.0.1", 65536, "/metrics")]
    [InlineData("127.0.0.1", 9464, "metrics")]
    [InlineData("127.0.0.1", 9464, "/metrics?x=1")]
    [InlineData("127.0.0.1", 9464, "/a%20b")]
    public void Constructor_InvalidServerOptions_ThrowsArgumentException(string host, int port, string path)
    {
        var options = new PrometheusMetricsBackendOptions { Server = new PrometheusServerOptions { Enabled = true, Host = host, Port = port, Path = path } };

        var exception = Assert.Throws<ArgumentException>(() => new PrometheusMetricsBackend(options));

        Assert.Contains("Invalid Prometheus server option", exception.Message, StringComparison.Ordinal);
    }

    private static PrometheusMetricsBackend Serve(int port, string host = "127.0.0.1", string path = "/metrics") =>
        new(new PrometheusMetricsBackendOptions
        {
            Server = new PrometheusServerOptions { Enabled = true, Host = host, Port = port, Path = path },
        });
}
