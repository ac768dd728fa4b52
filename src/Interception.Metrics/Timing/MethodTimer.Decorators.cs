using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Returns;

namespace Interception.Metrics.Timing;

/// <summary>
/// The calls a generated decorator makes, one shape per return family. A timed method starts with
/// <see cref="TryStart(out TimedCall)"/> (or the overload taking the call's arguments when the method has argument
/// labels; when it returns <see langword="false"/> the call proceeds untimed), calls its target, ends a throw with
/// <see cref="Fail"/> and rethrows it, and hands what the target returned to the <c>Returned…</c> method of its
/// return type, which returns what the caller receives: the target's own value, or for an incomplete task one
/// wrapper that completes as the target's does. None of them throws.
/// </summary>
public sealed partial class MethodTimer
{
    /// <summary>Starts a call of a method without argument labels.</summary>
    /// <param name="call">The call in flight, to pass to what ends it.</param>
    /// <returns>Whether the call is timed; when not, it proceeds untimed and nothing else is called.</returns>
    public bool TryStart(out TimedCall call)
    {
        BeforeCall();
        return TryBegin(_series ?? SeriesOf(), out call);
    }

    /// <summary>Starts a call of a method with argument labels.</summary>
    /// <param name="arguments">Every argument of the call, in parameter order (<see langword="default"/> for an <c>out</c> parameter).</param>
    /// <param name="call">The call in flight, to pass to what ends it.</param>
    /// <returns>Whether the call is timed; when not, it proceeds untimed and nothing else is called.</returns>
    public bool TryStart(object?[] arguments, out TimedCall call)
    {
        BeforeCall();
        return TryBegin(_series ?? SeriesOf(arguments), out call);
    }

    /// <summary>Starts a call of a method returning an async stream, which is timed over each enumeration.</summary>
    /// <param name="call">The call, to pass to <see cref="FailStream"/> or <see cref="ReturnedStream{T}"/>.</param>
    /// <returns>Whether the call is timed.</returns>
    public bool TryStartStream(out TimedCall call) => TryStartStream(_series ?? SeriesOf(), out call);

    /// <summary>Starts a call of a method with argument labels returning an async stream.</summary>
    /// <param name="arguments">Every argument of the call, in parameter order.</param>
    /// <param name="call">The call, to pass to <see cref="FailStream"/> or <see cref="ReturnedStream{T}"/>.</param>
    /// <returns>Whether the call is timed.</returns>
    public bool TryStartStream(object?[] arguments, out TimedCall call) => TryStartStream(_series ?? SeriesOf(arguments), out call);

    /// <summary>
    /// Starts a call of a generic method whose declared return type is one of its type parameters: how the call is
    /// timed depends on what that type is for this call (a task is timed until it completes, a stream per enumeration).
    /// </summary>
    /// <typeparam name="TResult">The return type of this call.</typeparam>
    /// <param name="call">The call, to pass to <see cref="FailGeneric"/> or <see cref="ReturnedGeneric{TResult}"/>.</param>
    /// <returns>Whether the call is timed.</returns>
    public bool TryStartGeneric<TResult>(out TimedCall call) => TryStartGeneric<TResult>(_series ?? SeriesOf(), out call);

    /// <summary>Starts a call of a generic method with argument labels whose declared return type is one of its type parameters.</summary>
    /// <typeparam name="TResult">The return type of this call.</typeparam>
    /// <param name="arguments">Every argument of the call, in parameter order.</param>
    /// <param name="call">The call, to pass to <see cref="FailGeneric"/> or <see cref="ReturnedGeneric{TResult}"/>.</param>
    /// <returns>Whether the call is timed.</returns>
    public bool TryStartGeneric<TResult>(object?[] arguments, out TimedCall call) => TryStartGeneric<TResult>(_series ?? SeriesOf(arguments), out call);

    /// <summary>Ends a call started by <see cref="TryStartGeneric{TResult}(out TimedCall)"/> whose target threw; the decorator then rethrows.</summary>
    /// <param name="exception">What the target threw.</param>
    /// <param name="call">The call.</param>
    public void FailGeneric(Exception exception, in TimedCall call)
    {
        if (call.TimesEnumerations)
        {
            FailStream(exception, call);
        }
        else
        {
            Fail(exception, call);
        }
    }

    /// <summary>Ends (or arranges to end) a call started by <see cref="TryStartGeneric{TResult}(out TimedCall)"/>.</summary>
    /// <typeparam name="TResult">The return type of this call.</typeparam>
    /// <param name="result">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns>What the caller receives, as the interceptor would return it for that type.</returns>
    public TResult ReturnedGeneric<TResult>(TResult result, in TimedCall call)
    {
        var handler = HandlerFor(typeof(TResult));
        if (handler is ValueReturnHandler)
        {
            CompleteWithResult(result, call);
            return result;
        }

        var returned = result;
        try
        {
            returned = (TResult)handler.Handle(result, this, call)!;
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        if (!call.TimesEnumerations)
        {
            ReturnToCaller(call);
        }

        return returned;
    }

    /// <summary>Ends a call whose target threw <paramref name="exception"/>; the decorator then rethrows it (<c>throw;</c>).</summary>
    /// <param name="exception">What the target threw.</param>
    /// <param name="call">The call.</param>
    public void Fail(Exception exception, in TimedCall call) => Complete(call, CompletionStatus.Of(exception), exception.GetType());

    /// <summary>Ends a call of a stream method whose target threw <paramref name="exception"/>; the decorator then rethrows it.</summary>
    /// <param name="exception">What the target threw.</param>
    /// <param name="call">The call.</param>
    public void FailStream(Exception exception, in TimedCall call) => Record(call.Series, CompletionStatus.Of(exception), call.Start);

    /// <summary>Ends a call of a <see langword="void"/> method that returned.</summary>
    /// <param name="call">The call.</param>
    public void Returned(in TimedCall call) => Complete(call, OperationStatus.Success, null);

    /// <summary>Ends a call of a synchronous method that returned <paramref name="result"/>.</summary>
    /// <typeparam name="T">The declared return type.</typeparam>
    /// <param name="result">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns><paramref name="result"/>.</returns>
    public T ReturnedValue<T>(T result, in TimedCall call)
    {
        CompleteWithResult(result, call);
        return result;
    }

    /// <summary>Ends (or arranges to end) a call that returned <paramref name="task"/>.</summary>
    /// <param name="task">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns><paramref name="task"/> when it has completed (or is <see langword="null"/>); otherwise one task that completes as it does, after the recording.</returns>
    public Task ReturnedTask(Task task, in TimedCall call)
    {
        if (task is null)
        {
            Complete(call, OperationStatus.Success, null);
            return task!;
        }

        var returned = task;
        try
        {
            returned = TaskReturnHandler.Handle(task, this, call);
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        ReturnToCaller(call);
        return returned;
    }

    /// <summary>Ends (or arranges to end) a call that returned <paramref name="task"/>.</summary>
    /// <typeparam name="T">The task's result type.</typeparam>
    /// <param name="task">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns><paramref name="task"/> when it has completed (or is <see langword="null"/>); otherwise one task that completes as it does, after the recording.</returns>
    public Task<T> ReturnedTask<T>(Task<T> task, in TimedCall call)
    {
        if (task is null)
        {
            Complete(call, OperationStatus.Success, null);
            return task!;
        }

        var returned = task;
        try
        {
            returned = TaskReturnHandler<T>.Handle(task, this, call);
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        ReturnToCaller(call);
        return returned;
    }

    /// <summary>
    /// Ends (or arranges to end) a call of a method declared to return a subclass of <see cref="Task"/>: the caller
    /// receives that very task, and the call is recorded by a continuation when it completes.
    /// </summary>
    /// <typeparam name="TTask">The declared return type.</typeparam>
    /// <param name="task">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns><paramref name="task"/>.</returns>
    public TTask ReturnedObservedTask<TTask>(TTask task, in TimedCall call)
        where TTask : Task
    {
        try
        {
            ObservedTaskReturnHandler.Instance.Handle(task, this, call);
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        ReturnToCaller(call);
        return task;
    }

    /// <summary>Ends (or arranges to end) a call that returned <paramref name="valueTask"/>.</summary>
    /// <param name="valueTask">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns>The value task the caller receives; it is awaited once, as the target's is.</returns>
    public ValueTask ReturnedValueTask(ValueTask valueTask, in TimedCall call)
    {
        var returned = valueTask;
        try
        {
            returned = ((ValueTaskReturnHandler)HandlerFor(typeof(ValueTask))).Handle(valueTask, this, call);
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        ReturnToCaller(call);
        return returned;
    }

    /// <summary>Ends (or arranges to end) a call that returned <paramref name="valueTask"/>.</summary>
    /// <typeparam name="T">The value task's result type.</typeparam>
    /// <param name="valueTask">What the target returned.</param>
    /// <param name="call">The call.</param>
    /// <returns>The value task the caller receives; it is awaited once, as the target's is.</returns>
    public ValueTask<T> ReturnedValueTask<T>(ValueTask<T> valueTask, in TimedCall call)
    {
        var returned = valueTask;
        try
        {
            returned = ((ValueTaskReturnHandler<T>)HandlerFor(typeof(ValueTask<T>))).Handle(valueTask, this, call);
        }
        catch (Exception exception)
        {
            HandlingFailed(exception, call);
        }

        ReturnToCaller(call);
        return returned;
    }

    /// <summary>Arranges to time each enumeration of the stream a call returned.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="stream">What the target returned.</param>
    /// <param name="call">The call started by <see cref="TryStartStream(out TimedCall)"/>.</param>
    /// <returns>A stream timed per enumeration; <paramref name="stream"/> itself when it is <see langword="null"/>.</returns>
    public IAsyncEnumerable<T> ReturnedStream<T>(IAsyncEnumerable<T> stream, in TimedCall call)
    {
        try
        {
            return AsyncEnumerableReturnHandler<T>.Handle(stream, this, call);
        }
        catch (Exception exception)
        {
            _reportFailure(exception);
            return stream;
        }
    }

    private bool TryBegin(OperationSeries? series, out TimedCall call)
    {
        if (series is null)
        {
            call = default;
            return false;
        }

        call = Begin(series);
        return true;
    }

    private bool TryStartGeneric<TResult>(OperationSeries? series, out TimedCall call)
    {
        BeforeCall();
        if (series is null)
        {
            call = default;
            return false;
        }

        call = HandlerFor(typeof(TResult)).TimesEnumerations ? new TimedCall(series, null, Timestamp(), null, timesEnumerations: true) : Begin(series);
        return true;
    }

    private bool TryStartStream(OperationSeries? series, out TimedCall call)
    {
        BeforeCall();
        if (series is null)
        {
            call = default;
            return false;
        }

        call = new TimedCall(series, null, Timestamp());
        return true;
    }

    // A method with argument labels called without its arguments: only a decorator out of step with its method does
    // that. The call proceeds untimed, and the failure is reported.
    private OperationSeries? SeriesOf()
    {
        _reportFailure(new InvalidOperationException($"{_metrics.Name} has argument labels but was called without its arguments."));
        return null;
    }
}
