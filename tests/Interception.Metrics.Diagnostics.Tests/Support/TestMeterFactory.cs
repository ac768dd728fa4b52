using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Tests.Support;

/// <summary>An <see cref="IMeterFactory"/> that owns its meters, like the one <c>services.AddMetrics()</c> registers.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public IReadOnlyList<Meter> Meters => _meters;

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
