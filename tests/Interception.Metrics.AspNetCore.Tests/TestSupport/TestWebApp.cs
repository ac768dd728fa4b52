using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>
/// A real ASP.NET Core application on Kestrel at <c>http://127.0.0.1:{free port}</c>, with Autofac as its container and
/// <see cref="MetricsModule"/> registered (Prometheus and in-memory backends on, unless <c>settings</c> say otherwise).
/// </summary>
/// <remarks>
/// The request middleware records when the pipeline ends, which can be after the client has the whole response (a body
/// of a known length is complete on the client as soon as its last byte arrives). So the application's first middleware
/// counts the pipelines that started and ended, and every read of the recorded requests first waits, with a deadline,
/// until every pipeline that started has ended.
/// </remarks>
internal sealed class TestWebApp : IAsyncDisposable
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly PipelineCounter _pipelines;

    private TestWebApp(WebApplication app, PipelineCounter pipelines, Uri address)
    {
        _app = app;
        _pipelines = pipelines;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Where the application listens, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client for <see cref="Address"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The application's services (the Autofac container).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The in-memory backend the configuration switched on.</summary>
    public InMemoryMetricsBackend Memory =>
        Services.GetRequiredService<MultiMetricsBackend>().Backends.OfType<InMemoryMetricsBackend>().Single();

    /// <summary>
    /// Builds, configures with <paramref name="configure"/> and starts an application; <paramref name="register"/> adds
    /// registrations of the test's own to the container (after the module's, so they win).
    /// </summary>
    public static async Task<TestWebApp> StartAsync(
        Action<WebApplication> configure,
        IEnumerable<(string Key, string? Value)>? settings = null,
        string environment = "Production",
        bool registerModule = true,
        Action<ContainerBuilder>? register = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Metrics:Backends:InMemory:Enabled"] = "true",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        if (registerModule)
        {
            builder.Host.ConfigureContainer<ContainerBuilder>((_, container) => container.RegisterModule(new MetricsModule(builder.Configuration)));
        }

        if (register is not null)
        {
            builder.Host.ConfigureContainer<ContainerBuilder>((_, container) => register(container));
        }

        var app = builder.Build();
        var pipelines = new PipelineCounter();
        try
        {
            app.Use(pipelines.CountAsync);
            configure(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestWebApp(app, pipelines, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>The value of <c>http_requests_total{method,endpoint,status}</c>, once every request started has ended.</summary>
    public double Requests(string method, string endpoint, int status) =>
        WaitUntilIdle().Memory.GetCounter(MetricNames.HttpRequests, ("method", method), ("endpoint", endpoint), ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every <c>http_requests_total</c> series with a value, as (method, endpoint, status, value), once every request started has ended.</summary>
    public IReadOnlyList<(string Method, string Endpoint, string Status, double Value)> RequestSeries() =>
        [.. WaitUntilIdle().Memory.GetSamples(MetricNames.HttpRequests)
            .Select(s => (s.Labels["method"], s.Labels["endpoint"], s.Labels["status"], s.Value))];

    /// <summary>The text the application's <c>/metrics</c> endpoint (or any path) answers, asked once every request started before has ended.</summary>
    public Task<string> GetStringAsync(string path) => WaitUntilIdle().Client.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>Waits until every request pipeline that started has ended (so its recording is done); fails after ten seconds.</summary>
    public TestWebApp WaitUntilIdle()
    {
        Assert.True(
            SpinWait.SpinUntil(() => _pipelines.Idle, IdleTimeout),
            $"{_pipelines.Running} request pipeline(s) still running after {IdleTimeout}.");
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
