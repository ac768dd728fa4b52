using System.Globalization;
using Interception.Metrics.StatsD.Protocol;

namespace Interception.Metrics.StatsD.Transport;

/// <summary>
/// One datagram being filled: lines separated by <c>\n</c>, never longer than the configured packet size.
/// Values are formatted in place (invariant culture, no exponent), so appending allocates nothing.
/// </summary>
/// <param name="capacity">The largest datagram, in bytes.</param>
/// <param name="reserved">Bytes at the end kept for <see cref="TryAppendReserved"/>.</param>
internal sealed class PacketBuffer(int capacity, int reserved)
{
    // Fixed-point with up to six decimals: nanosecond resolution for milliseconds, and never an exponent,
    // which not every agent parses.
    private const string ValueFormat = "0.######";

    private readonly byte[] _buffer = new byte[capacity];

    /// <summary>How many bytes recordings may fill.</summary>
    public int Limit { get; } = capacity - reserved;

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Recordings in the datagram (a negative gauge is one recording on two lines; self-metrics are not counted).</summary>
    public int Recordings { get; private set; }

    /// <summary>The datagram so far.</summary>
    public ReadOnlySpan<byte> Content => _buffer.AsSpan(0, Length);

    /// <summary>Appends the line(s) of one recording, or leaves the buffer unchanged and returns false when they do not fit.</summary>
    public bool TryAppend(StatsDSeries series, double value)
    {
        if (series.InMilliseconds)
        {
            value *= 1000;
            if (!double.IsFinite(value))
            {
                return false; // seconds too large to be milliseconds: dropped by the sender
            }
        }

        var start = Length;
        if (series.IsGauge && value < 0 && !TryAppendLine(series.Head, 0, series.Tail, Limit))
        {
            return false;
        }

        if (!TryAppendLine(series.Head, value, series.Tail, Limit))
        {
            Length = start;
            return false;
        }

        Recordings++;
        return true;
    }

    /// <summary>Appends a line that may use the reserved room (the sender's own metrics).</summary>
    public bool TryAppendReserved(ReadOnlySpan<byte> head, double value, ReadOnlySpan<byte> tail) =>
        TryAppendLine(head, value, tail, _buffer.Length);

    /// <summary>Appends <c>{head}{value}{tail}</c> within the first <paramref name="limit"/> bytes, or leaves the buffer unchanged and returns false.</summary>
    private bool TryAppendLine(ReadOnlySpan<byte> head, double value, ReadOnlySpan<byte> tail, int limit)
    {
        var position = Length;
        var buffer = _buffer.AsSpan(0, limit);
        if (position > 0)
        {
            if (position >= buffer.Length)
            {
                return false;
            }

            buffer[position++] = (byte)'\n';
        }

        if (head.Length > buffer.Length - position)
        {
            return false;
        }

        head.CopyTo(buffer[position..]);
        position += head.Length;

        // "-0" would read as "subtract zero" to a gauge; write a plain 0.
        if (value == 0)
        {
            value = 0;
        }

        if (!value.TryFormat(buffer[position..], out var written, ValueFormat, CultureInfo.InvariantCulture))
        {
            return false;
        }

        position += written;
        if (tail.Length > buffer.Length - position)
        {
            return false;
        }

        tail.CopyTo(buffer[position..]);
        Length = position + tail.Length;
        return true;
    }

    /// <summary>Empties the buffer for the next datagram.</summary>
    public void Clear()
    {
        Length = 0;
        Recordings = 0;
    }
}
