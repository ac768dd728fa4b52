using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>An <see cref="ILoggerFactory"/> whose loggers, of every category, write to one <see cref="RecordingLogger"/>.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    /// <summary>The logger every category writes to.</summary>
    public RecordingLogger Logger { get; } = new();

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => Logger.Entries;

    /// <summary>The messages at warning level or above so far, in order.</summary>
    public IReadOnlyList<string> Messages => Logger.Messages;

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
