using System.Collections.Concurrent;

namespace Interception.Metrics.DynamicProxy.Tests.Fixtures;

/// <summary>A synchronization context that runs everything posted to it on one dedicated thread, like a UI thread.</summary>
public sealed class SingleThreadSynchronizationContext : SynchronizationContext
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];

    public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send would block the context thread.");

    /// <summary>Runs <paramref name="body"/> on the context's thread until the task it returns completes.</summary>
    public Task<T> Run<T>(Func<Task<T>> body)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            SetSynchronizationContext(this);
            var task = body();
            task.ContinueWith(_ => _queue.CompleteAdding(), TaskScheduler.Default);
            foreach (var (callback, state) in _queue.GetConsumingEnumerable())
            {
                callback(state);
            }

            if (task.IsCompletedSuccessfully)
            {
                completion.SetResult(task.Result);
            }
            else
            {
                completion.SetException(task.Exception!.InnerExceptions);
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        return completion.Task;
    }
}
