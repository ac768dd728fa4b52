using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Testing;

/// <summary>A <see cref="ThrowingLogger"/> for a category type, for code that takes an <see cref="ILogger{TCategoryName}"/>.</summary>
/// <typeparam name="T">The category.</typeparam>
public sealed class ThrowingLogger<T> : ThrowingLogger, ILogger<T>;
