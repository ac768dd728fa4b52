namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A <see cref="Task{TResult}"/> subclass that runs only when the test starts it.</summary>
public sealed class DeferredTask(Func<int> body) : Task<int>(body);
