namespace Interception.Metrics.Collection;

/// <summary>
/// The bound series of one operation for one set of argument label values (or of an operation without argument
/// labels): its duration histogram, its status counters and, when tracked, its in-progress gauge. Recording is a
/// couple of bound-series calls with no lookup and no allocation. Thread-safe.
/// </summary>
internal sealed class OperationSeries
{
    private const int HttpCodeCacheSize = 600;

    private readonly OperationMetrics _operation;
    private readonly KeyValuePair<string, string>[]? _labels;
    private readonly bool _folded;
    private readonly IMetricSeries _duration;
    private readonly IMetricSeries _success;
    private readonly IMetricSeries _failed;
    private readonly IMetricSeries _canceled;
    private readonly InProgressGauge? _inProgress;
    private IMetricSeries?[]? _byStatusCode;

    /// <summary>Binds the series of <paramref name="operation"/> with the extra <paramref name="labels"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="labels">Constant and argument labels; <see langword="null"/> when there are none.</param>
    /// <param name="folded">Whether these are the operation's overflow series (every label set that no longer fits).</param>
    public OperationSeries(OperationMetrics operation, KeyValuePair<string, string>[]? labels, bool folded)
    {
        _operation = operation;
        _labels = labels;
        _folded = folded;
        _duration = operation.BindDuration(labels, folded);
        _inProgress = operation.BindInProgress(labels, folded);
        var http = operation.Kind == MetricKind.Http;
        _success = operation.BindCounter(http ? StatusCodes.ToText(200) : StatusCodes.ToText(OperationStatus.Success), labels, folded);
        _failed = operation.BindCounter(http ? StatusCodes.ToText(500) : StatusCodes.ToText(OperationStatus.Failed), labels, folded);
        _canceled = operation.BindCounter(http ? StatusCodes.ToText(499) : StatusCodes.ToText(OperationStatus.Canceled), labels, folded);
    }

    /// <summary>The constant and argument labels of these series; <see langword="null"/> when none (or folded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Labels => _labels;


    /// <summary>Records one call that ended with <paramref name="status"/> after <paramref name="seconds"/>.</summary>
    public void Record(OperationStatus status, double seconds)
    {
        _duration.Record(seconds);
        (status switch
        {
            OperationStatus.Success => _success,
            OperationStatus.Failed => _failed,
            _ => _canceled,
        }).Record(1);
    }

    /// <summary>
    /// Records one call that ended with <paramref name="statusCode"/>: the code itself for
    /// <see cref="MetricKind.Http"/>, for other kinds failed from 400 up.
    /// </summary>
    public void RecordStatusCode(int statusCode, double seconds)
    {
        if (_operation.Kind != MetricKind.Http)
        {
            Record(statusCode >= 400 ? OperationStatus.Failed : OperationStatus.Success, seconds);
            return;
        }

        _duration.Record(seconds);
        CounterForCode(statusCode).Record(1);
    }

    /// <summary>Counts one call as started, when in-progress tracking is on.</summary>
    public void Started() => _inProgress?.Increment();

    /// <summary>Counts one started call as finished, when in-progress tracking is on.</summary>
    public void Finished() => _inProgress?.Decrement();

    private IMetricSeries CounterForCode(int statusCode)
    {
        // The overflow series has one counter for every status: nothing to cache.
        if (_folded)
        {
            return _success;
        }

        switch (statusCode)
        {
            case 200:
                return _success;
            case 500:
                return _failed;
            case 499:
                return _canceled;
        }

        if ((uint)statusCode >= HttpCodeCacheSize)
        {
            return _operation.BindCounter(StatusCodes.ToText(statusCode), _labels, _folded);
        }

        // Allocated on the first other code, not up front: an operation with argument labels has one of these per label set.
        var cache = Volatile.Read(ref _byStatusCode);
        if (cache is null)
        {
            Interlocked.CompareExchange(ref _byStatusCode, new IMetricSeries?[HttpCodeCacheSize], null);
            cache = _byStatusCode!;
        }

        var cached = Volatile.Read(ref cache[statusCode]);
        if (cached is null)
        {
            cached = _operation.BindCounter(StatusCodes.ToText(statusCode), _labels, _folded);
            Volatile.Write(ref cache[statusCode], cached);
        }

        return cached;
    }
}
