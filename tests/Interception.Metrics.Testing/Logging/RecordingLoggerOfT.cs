using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>A <see cref="RecordingLogger"/> for a constructor that asks for an <see cref="ILogger{TCategoryName}"/>.</summary>
/// <typeparam name="T">The category.</typeparam>
public sealed class RecordingLogger<T> : RecordingLogger, ILogger<T>;
