namespace Interception.Metrics;

/// <summary>
/// Times a block into a <see cref="BoundHistogram"/>: created by <see cref="BoundHistogram.Time"/>, it observes the
/// elapsed seconds when disposed. A struct with no allocation: use it in a <c>using</c> statement, which disposes it
/// exactly once (each <see cref="Dispose"/> call observes once). The default value observes nothing.
/// </summary>
/// <example>
/// <code>
/// using (_checkoutSeconds.WithLabels("card").Time())
/// {
///     await ChargeAsync(order);
/// }
/// </code>
/// </example>
public readonly struct HistogramTimer : IDisposable
{
    private readonly BoundHistogram? _histogram;
    private readonly long _started;

    internal HistogramTimer(BoundHistogram histogram, long started)
    {
        _histogram = histogram;
        _started = started;
    }

    /// <summary>The time elapsed since <see cref="BoundHistogram.Time"/>; zero for the default value.</summary>
    public TimeSpan Elapsed => _histogram is null ? TimeSpan.Zero : _histogram.Clock.GetElapsedTime(_started);

    /// <summary>Observes the seconds elapsed since <see cref="BoundHistogram.Time"/>.</summary>
    public void Dispose()
    {
        if (_histogram is not null)
        {
            var clock = _histogram.Clock;
            _histogram.Observe((clock.GetTimestamp() - _started) / (double)clock.TimestampFrequency);
        }
    }
}
