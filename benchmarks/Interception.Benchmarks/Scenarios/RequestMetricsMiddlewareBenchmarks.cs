using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Web;
using Microsoft.AspNetCore.Http;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// What the request-metrics middleware itself costs per request: a routed <c>GET /orders/{id:int}</c> through the
/// middleware and a terminal answering 200, on a fresh <see cref="HttpContext"/> each time, against the terminal alone.
/// A contender's overhead is its mean (and allocation) minus <c>NoMiddleware</c>'s.
/// </summary>
[MemoryDiagnoser]
public class RequestMetricsMiddlewareBenchmarks
{
    private readonly RequestDelegate _plain = IsolatedPipelines.Plain();
    private readonly RequestDelegate _ours = IsolatedPipelines.Ours(inProgress: false);
    private readonly RequestDelegate _oursInProgress = IsolatedPipelines.Ours(inProgress: true);
    private readonly RequestDelegate _prometheusNet = IsolatedPipelines.PrometheusNet();

    [Benchmark(Baseline = true)]
    public Task NoMiddleware() => _plain(IsolatedPipelines.NewRequest());

    [Benchmark]
    public Task UseRequestMetrics() => _ours(IsolatedPipelines.NewRequest());

    [Benchmark]
    public Task UseRequestMetricsInProgress() => _oursInProgress(IsolatedPipelines.NewRequest());

    [Benchmark]
    public Task PrometheusNetUseHttpMetrics() => _prometheusNet(IsolatedPipelines.NewRequest());
}
