using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A logger that keeps every message at warning level or above.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            _messages.Enqueue(formatter(state, exception));
        }
    }
}
