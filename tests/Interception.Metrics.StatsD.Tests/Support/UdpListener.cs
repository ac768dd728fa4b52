using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interception.Metrics.StatsD.Tests.Support;

/// <summary>A UDP socket on loopback that collects the datagrams a backend sends.</summary>
internal sealed class UdpListener : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<byte[]> _datagrams = [];

    public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    /// <summary>Every datagram received so far, as UTF-8 text.</summary>
    public IReadOnlyList<string> Datagrams => _datagrams.Select(d => Encoding.UTF8.GetString(d)).ToArray();

    /// <summary>Sizes in bytes of the datagrams received so far.</summary>
    public IReadOnlyList<int> DatagramSizes => _datagrams.Select(d => d.Length).ToArray();

    /// <summary>Every line received so far.</summary>
    public IReadOnlyList<string> Lines => Datagrams.SelectMany(d => d.Split('\n')).ToArray();

    /// <summary>The lines received so far, without the backend's own drop counter.</summary>
    public IReadOnlyList<string> MetricLines =>
        Lines.Where(l => !l.Contains(StatsDMetricsBackend.DroppedMetricName, StringComparison.Ordinal)).ToArray();

    /// <summary>Receives until <paramref name="done"/> holds or <paramref name="timeout"/> passes.</summary>
    public async Task ReceiveUntilAsync(Func<UdpListener, bool> done, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (!done(this))
        {
            try
            {
                var result = await _client.ReceiveAsync(cancellation.Token);
                _datagrams.Add(result.Buffer);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Receives whatever arrives within <paramref name="quietPeriod"/> of the previous datagram.</summary>
    public Task DrainAsync(TimeSpan quietPeriod) => ReceiveUntilAsync(_ => false, quietPeriod);

    public void Dispose() => _client.Dispose();

    /// <summary>A UDP port nobody listens on (bound, read, released).</summary>
    public static int FreePort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
