using Castle.DynamicProxy;
using Interception.Metrics.Collection;
using Interception.Metrics.Timing.Returns;

namespace Interception.Metrics.Timing;

/// <summary>
/// What a Castle proxy calls for one timed method: the method's <see cref="MethodTimer"/> driven through an
/// <see cref="IInvocation"/>. Built once per plan, so a call does no lookup: timestamp, proceed, then arithmetic on
/// bound series.
/// </summary>
internal sealed class TimedMethodInterceptor(MethodTimer timer) : IInterceptor
{
    /// <summary>The method's plan.</summary>
    public MethodTimer Timer => timer;

    public void Intercept(IInvocation invocation)
    {
        timer.BeforeCall();
        var series = timer.FixedSeries ?? timer.SeriesOf(invocation.Arguments);
        if (series is null)
        {
            invocation.Proceed();
            return;
        }

        var handler = timer.FixedHandler ?? timer.HandlerFor(invocation.Method.ReturnType);
        if (handler.TimesEnumerations)
        {
            InterceptStream(invocation, handler, series);
            return;
        }

        var call = timer.Begin(series);
        try
        {
            invocation.Proceed();
        }
        catch (Exception exception)
        {
            timer.Fail(exception, call);
            throw;
        }

        if (handler is ValueReturnHandler)
        {
            timer.CompleteWithResult(invocation.ReturnValue, call);
            return;
        }

        try
        {
            invocation.ReturnValue = handler.Handle(invocation.ReturnValue, timer, call);
        }
        catch (Exception exception)
        {
            timer.HandlingFailed(exception, call);
        }

        MethodTimer.ReturnToCaller(call);
    }

    // A stream is timed per enumeration (an iterator does its work when enumerated): the call itself starts no
    // activity and is not in progress; each enumeration is (see TimedAsyncEnumerable). The call only fixes the labels.
    private void InterceptStream(IInvocation invocation, ReturnHandler handler, OperationSeries series)
    {
        var start = timer.Timestamp();
        try
        {
            invocation.Proceed();
        }
        catch (Exception exception)
        {
            timer.Record(series, CompletionStatus.Of(exception), start);
            throw;
        }

        try
        {
            invocation.ReturnValue = handler.Handle(invocation.ReturnValue, timer, new TimedCall(series, null, start));
        }
        catch (Exception exception)
        {
            timer.ReportFailure(exception);
        }
    }
}
