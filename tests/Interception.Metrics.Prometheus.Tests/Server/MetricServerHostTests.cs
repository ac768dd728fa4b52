using Interception.Metrics.Prometheus;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Prometheus.Tests.Server;

/// <summary>The server's life cycle around failures: whatever fails while starting or stopping, nothing is left running.</summary>
public sealed class MetricServerHostTests
{
    [Fact]
    public void Start_ServerFailsWithAnUnexpectedException_DisposesServerAndServicesAndRethrowsIt()
    {
        var failure = new NotSupportedException("transport not available");
        var server = new ScriptedServer { StartFailure = failure };
        var services = new Disposal();

        var thrown = Assert.Throws<NotSupportedException>(() => Start(server, services, new RecordingLogger()));

        Assert.Same(failure, thrown);
        Assert.True(server.Disposed);
        Assert.True(services.Disposed);
    }

    [Fact]
    public void Start_ServerCannotListen_DisposesServerAndServicesAndNamesTheEndpoint()
    {
        var server = new ScriptedServer { StartFailure = new IOException("Failed to bind to address http://127.0.0.1:9464.") };
        var services = new Disposal();

        var thrown = Assert.Throws<InvalidOperationException>(() => Start(server, services, new RecordingLogger()));

        Assert.Contains("127.0.0.1:9464", thrown.Message, StringComparison.Ordinal);
        Assert.True(server.Disposed);
        Assert.True(services.Disposed);
    }

    [Fact]
    public void Dispose_StopFails_StillDisposesServerAndServicesAndLogsTheFailure()
    {
        var failure = new InvalidOperationException("stop failed");
        var server = new ScriptedServer { StopFailure = failure };
        var services = new Disposal();
        var logger = new RecordingLogger();
        var host = Start(server, services, logger);

        host.Dispose();

        Assert.True(server.Disposed);
        Assert.True(services.Disposed);
        Assert.Same(failure, Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning).Exception);
    }

    [Fact]
    public async Task DisposeAsync_StopFails_StillDisposesServerAndServicesAndLogsTheFailure()
    {
        var failure = new InvalidOperationException("stop failed");
        var server = new ScriptedServer { StopFailure = failure };
        var services = new Disposal();
        var logger = new RecordingLogger();
        var host = Start(server, services, logger);

        await host.DisposeAsync();
        await host.DisposeAsync();

        Assert.True(server.Disposed);
        Assert.True(services.Disposed);
        Assert.Equal(1, server.Stops);
        Assert.Same(failure, Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning).Exception);
    }

    private static MetricServerHost Start(ScriptedServer server, Disposal services, ILogger logger) =>
        MetricServerHost.Start(server, services, new NoApplication(), logger, "127.0.0.1:9464", "http://127.0.0.1:9464/metrics");

    /// <summary>A server that fails where a test says.</summary>
    private sealed class ScriptedServer : IServer
    {
        public Exception? StartFailure { get; init; }

        public Exception? StopFailure { get; init; }

        public bool Disposed { get; private set; }

        public int Stops { get; private set; }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull =>
            StartFailure is null ? Task.CompletedTask : Task.FromException(StartFailure);

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Stops++;
            return StopFailure is null ? Task.CompletedTask : Task.FromException(StopFailure);
        }

        public void Dispose() => Disposed = true;
    }

    private sealed class Disposal : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class NoApplication : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => Task.CompletedTask;

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
