using System.Diagnostics;
using System.Reflection;

namespace Interception.Metrics.Reliability.Tests.TestSupport;

/// <summary>What the soak test watches for growth: generated proxy types, managed memory after a full GC, threads.</summary>
internal sealed record ProcessSnapshot(int ProxyTypes, long ManagedBytes, int Threads, int PoolThreads)
{
    /// <summary>The assembly Castle DynamicProxy generates every proxy type into.</summary>
    public const string ProxyAssemblyName = "DynamicProxyGenAssembly2";

    public static ProcessSnapshot Take()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new ProcessSnapshot(CountProxyTypes(), managed, process.Threads.Count, ThreadPool.ThreadCount);
    }

    public override string ToString() =>
        $"{ProxyTypes} proxy types, {ManagedBytes:N0} B managed, {Threads} threads ({PoolThreads} in the thread pool)";

    private static int CountProxyTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.IsDynamic && a.GetName().Name == ProxyAssemblyName)
            .Sum(a => a.GetModules().Sum(m => m.GetTypes().Length));
}
