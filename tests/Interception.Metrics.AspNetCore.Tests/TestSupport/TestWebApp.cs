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
internal sealed class TestWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebApp(WebApplication app, Uri address)
    {
        _app = app;
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

    /// <summary>Builds, configures with <paramref name="configure"/> and starts an application.</summary>
    public static async Task<TestWebApp> StartAsync(
        Action<WebApplication> configure,
        IEnumerable<(string Key, string? Value)>? settings = null,
        string environment = "Production",
        bool registerModule = true,
        Action<ContainerBuilder>? configureContainer = null)
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

        if (configureContainer is not null)
        {
            builder.Host.ConfigureContainer<ContainerBuilder>((_, container) => configureContainer(container));
        }

        var app = builder.Build();
        try
        {
            configure(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new TestWebApp(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    /// <summary>The value of <c>http_requests_total{method,endpoint,status}</c>.</summary>
    public double Requests(string method, string endpoint, int status) =>
        Memory.GetCounter(MetricNames.HttpRequests, ("method", method), ("endpoint", endpoint), ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Every <c>http_requests_total</c> series with a value, as (method, endpoint, status, value).</summary>
    public IReadOnlyList<(string Method, string Endpoint, string Status, double Value)> RequestSeries() =>
        [.. Memory.GetSamples(MetricNames.HttpRequests)
            .Select(s => (s.Labels["method"], s.Labels["endpoint"], s.Labels["status"], s.Value))];

    /// <summary>The text the application's <c>/metrics</c> endpoint (or any path) answers.</summary>
    public Task<string> GetStringAsync(string path) => Client.GetStringAsync(new Uri(path, UriKind.Relative));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
