using Interception.Metrics.Configuration;

namespace Interception.Metrics.Registration;

/// <summary>
/// Creates the backends configuration switched on, all or none: when one fails, those already created are
/// disposed before the error propagates, so nothing starts half-configured. Disposing it disposes them.
/// </summary>
internal sealed class ConfiguredBackends : IDisposable, IAsyncDisposable
{
    private readonly IMetricsBackend[] _backends;

    public ConfiguredBackends(IReadOnlyList<EnabledBackend> enabled, MetricsBackendContext context)
    {
        var created = new List<IMetricsBackend>(enabled.Count);
        try
        {
            foreach (var backend in enabled)
            {
                created.Add(backend.Factory.Create(backend.Section, context));
            }
        }
        catch
        {
            foreach (var backend in created)
            {
                (backend as IDisposable)?.Dispose();
            }

            throw;
        }

        _backends = [.. created];
    }

    public IReadOnlyList<IMetricsBackend> Backends => _backends;

    public void Dispose()
    {
        foreach (var backend in _backends)
        {
            (backend as IDisposable)?.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var backend in _backends)
        {
            if (backend is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                (backend as IDisposable)?.Dispose();
            }
        }
    }
}
