using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Interception.Demo.Telegram.Simulator;

/// <summary>
/// A stand-in for api.telegram.org on a free loopback port: its own Kestrel listener, answering the Bot API methods the
/// bot calls (<c>POST /bot{token}/{method}</c>) in the Bot API's JSON shape, after a configurable latency and with
/// 429s, 5xx answers and calls left unanswered at configurable rates. The bot talks to it through the real
/// Telegram.Bot client, so no internet is needed and the client's HTTP stack and errors are the real ones.
/// </summary>
internal sealed class SimulatedBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatedBotApi(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address to give Telegram.Bot's client, such as <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Address { get; }

    public static async Task<SimulatedBotApi> StartAsync(SimulatorSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        // An empty builder: no configuration sources, no logging, nothing of the demo's own settings.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var handler = new SimulatedBotApiHandler(new SimulatorDraws(settings), settings, time);
        app.MapPost("/bot{token}/{method}", handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new SimulatedBotApi(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
