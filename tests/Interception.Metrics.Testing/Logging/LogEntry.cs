using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>One entry written to a <see cref="RecordingLogger"/>.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Message">Its formatted message.</param>
/// <param name="Exception">The exception it was written with, if any.</param>
public sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
