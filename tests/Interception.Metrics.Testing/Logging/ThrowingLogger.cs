using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>A logger that throws on every entry, as a logging provider that has failed would.</summary>
public class ThrowingLogger : ILogger
{
    private int _attempts;

    /// <summary>How many entries were attempted so far: proof that the path under test did log.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Interlocked.Increment(ref _attempts);
        throw new InvalidOperationException("log sink down");
    }
}
