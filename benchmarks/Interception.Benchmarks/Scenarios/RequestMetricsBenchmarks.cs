using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// Per-request cost of HTTP request metrics: one <c>GET /orders/{id:int}</c> through the same minimal API application
/// on a <see cref="TestServer"/>, without metrics, with <c>UseRequestMetrics</c> (and with its in-progress gauge, like
/// prometheus-net's default), and with prometheus-net's <c>UseHttpMetrics</c>. A contender's overhead is its mean minus <c>NoMiddleware</c>'s.
/// </summary>
[MemoryDiagnoser]
public class RequestMetricsBenchmarks
{
    private WebApplication _plain = null!;
    private WebApplication _ours = null!;
    private WebApplication _oursInProgress = null!;
    private WebApplication _prometheusNet = null!;
    private TestServer _plainServer = null!;
    private TestServer _oursServer = null!;
    private TestServer _oursInProgressServer = null!;
    private TestServer _prometheusNetServer = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _plain = await RequestPipelines.PlainAsync();
        _ours = await RequestPipelines.OursAsync();
        _oursInProgress = await RequestPipelines.OursWithInProgressAsync();
        _prometheusNet = await RequestPipelines.PrometheusNetAsync();
        _plainServer = _plain.GetTestServer();
        _oursServer = _ours.GetTestServer();
        _oursInProgressServer = _oursInProgress.GetTestServer();
        _prometheusNetServer = _prometheusNet.GetTestServer();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _plain.DisposeAsync();
        await _ours.DisposeAsync();
        await _oursInProgress.DisposeAsync();
        await _prometheusNet.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<int> NoMiddleware() => RequestPipelines.GetOrderAsync(_plainServer);

    [Benchmark]
    public Task<int> UseRequestMetrics() => RequestPipelines.GetOrderAsync(_oursServer);

    [Benchmark]
    public Task<int> UseRequestMetricsInProgress() => RequestPipelines.GetOrderAsync(_oursInProgressServer);

    [Benchmark]
    public Task<int> PrometheusNetUseHttpMetrics() => RequestPipelines.GetOrderAsync(_prometheusNetServer);
}
