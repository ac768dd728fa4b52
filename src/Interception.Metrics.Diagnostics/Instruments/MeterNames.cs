using System.Diagnostics.Metrics;

namespace Interception.Metrics.Diagnostics.Instruments;

/// <summary>Whether a meter name is already taken by another live meter of the process.</summary>
internal static class MeterNames
{
    /// <summary>
    /// Whether a meter other than <paramref name="meter"/> with its name has instruments: a listener starting now is
    /// told of every instrument that exists in the process, so a short-lived one answers without keeping anything.
    /// </summary>
    public static bool IsUsedByAnotherMeter(Meter meter)
    {
        var found = false;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
                found |= !ReferenceEquals(instrument.Meter, meter) && string.Equals(instrument.Meter.Name, meter.Name, StringComparison.Ordinal),
        };
        listener.Start();
        return found;
    }
}
