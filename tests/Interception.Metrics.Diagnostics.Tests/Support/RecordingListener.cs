using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Tests.Support;

/// <summary>A <see cref="MeterListener"/> that keeps every measurement of one meter's instruments.</summary>
internal sealed class RecordingListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measurement> _measurements = [];
    private readonly List<Instrument> _instruments = [];
    private readonly List<Instrument> _completed = [];

    public RecordingListener(string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                lock (_instruments)
                {
                    _instruments.Add(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_completed)
            {
                _completed.Add(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add(new Measurement(instrument.Name, value, tags.ToArray()));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return [.. _measurements];
            }
        }
    }

    public IReadOnlyList<Instrument> Instruments
    {
        get
        {
            lock (_instruments)
            {
                return [.. _instruments];
            }
        }
    }

    public IReadOnlyList<Instrument> Completed
    {
        get
        {
            lock (_completed)
            {
                return [.. _completed];
            }
        }
    }

    public Instrument Instrument(string name) => Instruments.Single(i => i.Name == name);

    public void Dispose() => _listener.Dispose();

    /// <summary>One measurement: instrument name, value and tags.</summary>
    public sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public string? Tag(string key) => Tags.SingleOrDefault(t => t.Key == key).Value as string;
    }
}
