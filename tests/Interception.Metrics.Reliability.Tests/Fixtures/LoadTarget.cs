namespace Interception.Metrics.Reliability.Tests.Fixtures;

/// <summary>The implementation behind <see cref="ILoadTarget"/>: cheap, deterministic results.</summary>
public sealed class LoadTarget : ILoadTarget
{
    public Exception Failure { get; } = new InvalidOperationException("load target failure");

    public int Add(int a, int b) => a + b;

    public int Divide(int a, int b) => a / b;

    public int Fail(int value) => throw Failure;

    public async Task<int> AddAsync(int a, int b)
    {
        if (a % 4 == 0)
        {
            await Task.Yield();
        }

        return a + b;
    }

    public async Task FailAsync(int value)
    {
        if (value % 2 == 1)
        {
            await Task.Yield();
        }

        throw Failure;
    }

    public async Task<int> CancelAsync(int value)
    {
        if (value % 2 == 1)
        {
            await Task.Yield();
        }

        throw new OperationCanceledException("canceled by the load target");
    }

    public ValueTask<int> DoubleAsync(int value) => ValueTask.FromResult(2 * value);
}
