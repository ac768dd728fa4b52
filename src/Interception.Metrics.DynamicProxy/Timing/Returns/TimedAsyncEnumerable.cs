namespace Interception.Metrics.Timing.Returns;

/// <summary>
/// Times each enumeration of an async stream, from <see cref="GetAsyncEnumerator"/> until it completes, faults
/// or is disposed early (an early stop counts as success).
/// </summary>
internal sealed class TimedAsyncEnumerable<T>(IAsyncEnumerable<T> inner, MethodTimer timer, long callStart) : IAsyncEnumerable<T>
{
    private int _enumerations;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // The first enumeration is timed from the call, so that work done before it is counted; later ones from their own start.
        var start = Interlocked.Increment(ref _enumerations) == 1 ? callStart : timer.Timestamp();
        IAsyncEnumerator<T> enumerator;
        try
        {
            enumerator = inner.GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception)
        {
            timer.Fail(exception, start);
            throw;
        }

        return new Enumerator(enumerator, timer, start);
    }

    private sealed class Enumerator(IAsyncEnumerator<T> inner, MethodTimer timer, long start) : IAsyncEnumerator<T>
    {
        private int _recorded;

        public T Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            bool hasNext;
            try
            {
                hasNext = await inner.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                if (Interlocked.Exchange(ref _recorded, 1) == 0)
                {
                    timer.Fail(exception, start);
                }

                throw;
            }

            if (!hasNext && Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                timer.Complete(OperationStatus.Success, start);
            }

            return hasNext;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                if (Interlocked.Exchange(ref _recorded, 1) == 0)
                {
                    timer.Fail(exception, start);
                }

                throw;
            }

            if (Interlocked.Exchange(ref _recorded, 1) == 0)
            {
                timer.Complete(OperationStatus.Success, start);
            }
        }
    }
}
