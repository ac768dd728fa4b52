using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>A logger factory whose loggers (one, shared by every category) throw on every entry.</summary>
public sealed class ThrowingLoggerFactory : ILoggerFactory
{
    /// <summary>The logger every category writes to.</summary>
    public ThrowingLogger Logger { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => Logger;

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
