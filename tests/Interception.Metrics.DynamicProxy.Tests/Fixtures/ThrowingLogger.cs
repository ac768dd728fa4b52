using Microsoft.Extensions.Logging;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A logger that throws on every entry, as a logging provider that has failed would.</summary>
public sealed class ThrowingLogger<T> : ILogger<T>
{
    public int Attempts { get; private set; }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Attempts++;
        throw new InvalidOperationException("log sink down");
    }
}
