using System.Text;
using System.Threading.Channels;
using Interception.Metrics.StatsD.Protocol;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.StatsD.Transport;

/// <summary>
/// The bounded queue between callers and the network, and the one background loop that empties it: it packs
/// lines into datagrams of at most the configured size, sends them, and counts what it could not send.
/// </summary>
/// <remarks>
/// Callers only write a (series, value) pair into the queue: a full queue drops the recording and counts it,
/// so a caller never waits. Everything else (formatting, packing, the socket) happens on the loop.
/// Every recording ends up in exactly one of <see cref="Sent"/> or <see cref="Dropped"/>.
/// </remarks>
internal sealed class StatsDSender
{
    private const int SelfMetricValueRoom = 24;

    private static readonly Action<ILogger, Exception?> LogLoopFailure = LoggerMessage.Define(
        LogLevel.Error,
        new EventId(2, "StatsDSenderFailure"),
        "The StatsD sender failed unexpectedly; it keeps running.");

    private readonly Channel<StatsDEntry> _queue;
    private readonly PacketBuffer _packet;
    private readonly UdpTransport _transport;
    private readonly TimeSpan _flushInterval;
    private readonly byte[] _droppedHead;
    private readonly byte[] _droppedTail = "|c"u8.ToArray();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Action _onDropped;
    private readonly Task _loop;
    private long _dropped;
    private long _sent;
    private long _droppedReported;

    /// <param name="options">Agent address and limits, validated.</param>
    /// <param name="prefix">The normalised prefix of every name.</param>
    /// <param name="logger">Receives an unreachable agent and unexpected failures.</param>
    /// <param name="onDropped">Called after <see cref="Dropped"/> grew, on the thread that dropped; must not throw.</param>
    public StatsDSender(StatsDMetricsBackendOptions options, string prefix, ILogger logger, Action onDropped)
    {
        _logger = logger;
        _onDropped = onDropped;
        _flushInterval = options.FlushInterval;
        _droppedHead = Encoding.UTF8.GetBytes(prefix + StatsDMetricsBackend.DroppedMetricName + ":");

        // Room is kept at the end of every datagram for the drop counter, so it always fits.
        var reserved = 1 + _droppedHead.Length + SelfMetricValueRoom + _droppedTail.Length;
        if (reserved > options.MaxPacketSize / 2)
        {
            throw new ArgumentException(
                $"The prefix '{options.Prefix}' is too long for a MaxPacketSize of {options.MaxPacketSize} bytes.", nameof(options));
        }

        _packet = new PacketBuffer(options.MaxPacketSize, reserved);
        _transport = new UdpTransport(options.Host, options.Port, logger);
        _queue = Channel.CreateBounded<StatsDEntry>(new BoundedChannelOptions(options.MaxQueueSize)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue returns false at once
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Recordings lost: queue full, value not representable, line too long, send failed, or after dispose.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Recordings handed to the network in a datagram that was sent without error.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The largest line a series may have to fit in a datagram, value excluded.</summary>
    public int LineLimit => _packet.Limit - SelfMetricValueRoom;

    public void Enqueue(StatsDSeries series, double value)
    {
        if (!_queue.Writer.TryWrite(new StatsDEntry(series, value)))
        {
            CountDropped(1);
        }
    }

    public void CountDropped(long count)
    {
        Interlocked.Add(ref _dropped, count);
        _onDropped();
    }

    /// <summary>Stops accepting recordings, sends what is queued and waits for the loop (at most <paramref name="timeout"/>).</summary>
    public void Stop(TimeSpan timeout)
    {
        BeginStop();
        try
        {
            _loop.Wait(timeout);
        }
        catch (AggregateException)
        {
            // The loop does not fault; if it ever did, disposing must still succeed.
        }

        EndStop();
    }

    /// <inheritdoc cref="Stop"/>
    public async ValueTask StopAsync(TimeSpan timeout)
    {
        BeginStop();
        try
        {
            await _loop.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Give up on what is left; the socket is closed below.
        }

        EndStop();
    }

    private void BeginStop()
    {
        _queue.Writer.TryComplete();
        _stopping.Cancel();
    }

    private void EndStop()
    {
        if (_loop.IsCompleted)
        {
            _stopping.Dispose();
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            try
            {
                Drain(reader);
                if (_packet.Length > 0 && _flushInterval > TimeSpan.Zero && !_stopping.IsCancellationRequested)
                {
                    // Let a partly filled datagram collect more lines before sending it.
                    await Task.Delay(_flushInterval, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    Drain(reader);
                }

                Flush();
            }
            catch (Exception exception)
            {
                LogLoopFailure(_logger, exception);
            }
        }

        // The queue is complete and empty: report drops that happened since the last datagram.
        try
        {
            Flush();
        }
        catch (Exception exception)
        {
            LogLoopFailure(_logger, exception);
        }
        finally
        {
            _transport.Dispose();
        }
    }

    private void Drain(ChannelReader<StatsDEntry> reader)
    {
        while (reader.TryRead(out var entry))
        {
            if (_packet.TryAppend(entry.Series, entry.Value))
            {
                continue;
            }

            Flush();
            if (!_packet.TryAppend(entry.Series, entry.Value))
            {
                // Longer than a whole datagram.
                CountDropped(1);
            }
        }
    }

    private void Flush()
    {
        var pending = Interlocked.Read(ref _dropped) - _droppedReported;
        var reported = pending > 0 && _packet.TryAppendReserved(_droppedHead, pending, _droppedTail) ? pending : 0;
        if (_packet.Length == 0)
        {
            return;
        }

        var recordings = _packet.Recordings;
        if (_transport.TrySend(_packet.Content))
        {
            Interlocked.Add(ref _sent, recordings);
            _droppedReported += reported;
        }
        else
        {
            CountDropped(recordings);
        }

        _packet.Clear();
    }
}
