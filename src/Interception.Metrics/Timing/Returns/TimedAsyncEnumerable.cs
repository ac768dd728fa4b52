using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Tracing;

namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// Times each enumeration of an async stream, from <see cref="GetAsyncEnumerator"/> until it completes, faults
/// or is disposed early (an early stop counts as success): a stream enumerated twice records two calls, one never
/// enumerated records none. The first enumeration is timed from the call, later ones from their own start. Each
/// enumeration is in progress, and has its own activity, from <see cref="GetAsyncEnumerator"/> until it ends; the
/// activity is current while the stream's own code runs (in <see cref="IAsyncEnumerator{T}.MoveNextAsync"/> and
/// <see cref="IAsyncDisposable.DisposeAsync"/>), so what the stream calls nests under it.
/// </summary>
internal sealed class TimedAsyncEnumerable<T>(IAsyncEnumerable<T> inner, MethodTimer timer, OperationSeries series, long callStart) : IAsyncEnumerable<T>
{
    private int _enumerations;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var start = Interlocked.Increment(ref _enumerations) == 1 ? callStart : timer.Timestamp();
        var activity = timer.StartEnumerationActivity(series);
        series.Started();
        var call = new TimedCall(series, activity, start);
        IAsyncEnumerator<T> enumerator;
        try
        {
            using var swap = ActivitySwap.To(activity);
            enumerator = inner.GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception)
        {
            timer.Fail(exception, call);
            throw;
        }

        return new Enumerator(enumerator, timer, call);
    }

    /// <summary>
    /// Forwards to the inner enumerator and records the enumeration once, when it ends. An incomplete
    /// <see cref="MoveNextAsync"/> or <see cref="DisposeAsync"/> is relayed by the enumerator itself (the calls come
    /// one after another), so the caller sees the inner value task's own status and exception.
    /// </summary>
    private sealed class Enumerator(IAsyncEnumerator<T> inner, MethodTimer timer, TimedCall call) : ValueTaskRelay<bool>, IAsyncEnumerator<T>
    {
        private int _recorded;
        private bool _disposing;

        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            ValueTask<bool> next;
            try
            {
                using var swap = ActivitySwap.To(call.Activity);
                next = inner.MoveNextAsync();
            }
            catch (Exception exception)
            {
                Failed(exception);
                throw;
            }

            if (next.IsCompletedSuccessfully)
            {
                var hasNext = next.Result;
                if (!hasNext)
                {
                    Record(OperationStatus.Success);
                }

                return new ValueTask<bool>(hasNext);
            }

            if (next.IsCompleted)
            {
                var task = next.AsTask();
                Record(CompletionStatus.Of(task), CompletionStatus.ExceptionTypeOf(task));
                return new ValueTask<bool>(task);
            }

            _disposing = false;
            return Relay(next);
        }

        public ValueTask DisposeAsync()
        {
            ValueTask disposal;
            try
            {
                using var swap = ActivitySwap.To(call.Activity);
                disposal = inner.DisposeAsync();
            }
            catch (Exception exception)
            {
                Failed(exception);
                throw;
            }

            if (disposal.IsCompletedSuccessfully)
            {
                disposal.GetAwaiter().GetResult();
                Record(OperationStatus.Success);
                return default;
            }

            if (disposal.IsCompleted)
            {
                var task = disposal.AsTask();
                Record(CompletionStatus.Of(task), CompletionStatus.ExceptionTypeOf(task));
                return new ValueTask(task);
            }

            _disposing = true;
            return Relay(disposal);
        }

        protected override void Succeeded(bool result)
        {
            if (_disposing || !result)
            {
                Record(OperationStatus.Success);
            }
        }

        protected override void Failed(Exception exception) => Record(CompletionStatus.Of(exception), exception.GetType());

        private void Record(OperationStatus status, Type? exceptionType = null)
        {
            if (Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                timer.Complete(call, status, exceptionType);
            }
        }
    }
}
