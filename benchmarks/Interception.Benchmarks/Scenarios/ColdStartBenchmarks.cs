using Autofac;
using BenchmarkDotNet.Attributes;
using Interception.Benchmarks.Reporting;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets.Cold;

namespace Interception.Benchmarks.Scenarios;

/// <summary>
/// An application's start: build a container with <see cref="Types"/> distinct timed services (registered by type),
/// then resolve each and call its two timed methods once. Every measurement is one invocation in a fresh process
/// (BenchmarkDotNet's cold-start strategy: no jitting stage, no pilot, no warm-up), so JIT, type loading and Castle's
/// proxy generation are all in it. The services are compiled into this assembly (<c>Targets/Cold</c>, written by
/// its <c>generate.sh</c>), as an application's are: their metadata is read from a loaded module, not from types
/// emitted for the occasion.
/// </summary>
/// <remarks>
/// <c>PlainAutofac</c> is the application without metrics; <c>CastlePassThrough</c> gives each service a Castle proxy
/// whose interceptor only proceeds (<see cref="ColdContainers.CastlePassThrough"/>), the floor of any Castle-based
/// timer. <c>OursWarmUp</c> is ours with <c>Metrics:WarmUp=true</c>, which moves the generation into the container
/// build, still inside this measurement (<see cref="ColdFirstRequestBenchmarks"/> measures what is left after the
/// build). The "ms/type after 1st" column is the slope between a method's 1-type and N-type rows. No
/// <c>[MemoryDiagnoser]</c>: it would run the method again, warm. The container outlives the measurement (disposing it
/// is no part of a start) and is checked in the cleanup.
/// </remarks>
[Config(typeof(ColdStartConfig))]
public class ColdStartBenchmarks
{
    private IContainer? _last;
    private bool _proxied;

    [Params(1, ColdServices.Count)]
    public int Types { get; set; }

    [Benchmark(Baseline = true)]
    public int PlainAutofac() => Run(ColdContainers.Plain(Types), proxied: false);

    [Benchmark]
    public int CastlePassThrough() => Run(ColdContainers.CastlePassThrough(Types), proxied: true);

    [Benchmark]
    public int Ours() => Run(ColdContainers.Ours(Types, warmUp: false), proxied: true);

    [Benchmark]
    public int OursWarmUp() => Run(ColdContainers.Ours(Types, warmUp: true), proxied: true);

    /// <summary>After the measurement, in the same process: every service was (or was not) proxied, as the method claims.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_last is { } container)
        {
            using (container)
            {
                ColdContainers.Verify(container, Types, _proxied);
            }
        }
    }

    private int Run(IContainer container, bool proxied)
    {
        _last = container;
        _proxied = proxied;
        return ColdContainers.CallAll(container, Types);
    }
}
