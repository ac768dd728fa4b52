using Autofac;
using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Reporting;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets.Cold;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// The first request after an application's start: the container with <see cref="Types"/> distinct timed services is
/// built in the iteration setup (outside the measurement), then each service is resolved and its two timed methods
/// called once, in a fresh process per measurement as in <see cref="ColdStartBenchmarks"/>. This is what
/// <c>Metrics:WarmUp=true</c> is for: the proxy types are generated in the build, so the first resolve does not pay
/// for them.
/// </summary>
[Config(typeof(ColdStartConfig))]
public class ColdFirstRequestBenchmarks
{
    private IContainer _container = null!;
    private bool _proxied;

    [Params(1, ColdServices.Count)]
    public int Types { get; set; }

    [IterationSetup(Target = nameof(PlainAutofac))]
    public void BuildPlain() => Keep(ColdContainers.Plain(Types), proxied: false);

    [IterationSetup(Target = nameof(CastlePassThrough))]
    public void BuildCastlePassThrough() => Keep(ColdContainers.CastlePassThrough(Types), proxied: true);

    [IterationSetup(Target = nameof(Ours))]
    public void BuildOurs() => Keep(ColdContainers.Ours(Types, warmUp: false), proxied: true);

    [IterationSetup(Target = nameof(OursWarmUp))]
    public void BuildOursWarmUp() => Keep(ColdContainers.Ours(Types, warmUp: true), proxied: true);

    [Benchmark(Baseline = true)]
    public int PlainAutofac() => ColdContainers.CallAll(_container, Types);

    [Benchmark]
    public int CastlePassThrough() => ColdContainers.CallAll(_container, Types);

    [Benchmark]
    public int Ours() => ColdContainers.CallAll(_container, Types);

    [Benchmark]
    public int OursWarmUp() => ColdContainers.CallAll(_container, Types);

    /// <summary>After the measurement, in the same process: every service was (or was not) proxied, as the method claims.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        using (_container)
        {
            ColdContainers.Verify(_container, Types, _proxied);
        }
    }

    private void Keep(IContainer container, bool proxied)
    {
        _container = container;
        _proxied = proxied;
    }
}
