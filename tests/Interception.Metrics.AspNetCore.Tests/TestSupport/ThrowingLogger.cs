using Microsoft.Extensions.Logging;

namespace Interception.Metrics.AspNetCore.Tests.TestSupport;

/// <summary>A logger that throws on every entry, as a logging provider that has failed would.</summary>
internal sealed class ThrowingLogger : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        throw new InvalidOperationException("log sink down");
}
