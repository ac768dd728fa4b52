using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Tests.TestSupport;

/// <summary>One entry written to a <see cref="CapturingLogger{T}"/>.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
