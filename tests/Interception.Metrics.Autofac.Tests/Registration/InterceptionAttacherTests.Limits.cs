using System.Runtime.Loader;
using Autofac;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>
/// Components a proxy cannot (fully) stand in for: they resolve and run exactly as without the module, timed where a
/// proxy can time them, and a warning names what is not timed.
/// </summary>
public abstract partial class InterceptionAttacherTests
{
    [Fact]
    public void Resolve_ClassAlsoImplementingStaticAbstractInterface_ResolvesTimedProxy()
    {
        using var container = Build(b => b.RegisterType<ParsableJob>().As<IJob>());

        var job = container.Resolve<IJob>();

        Assert.True(IsTimed(job));
        Assert.Equal(4, job.Run());
        Assert.Equal(1, container.Memory().Calls("ParsableJob.Run"));
    }

    [Fact]
    public void Resolve_ServiceInterfaceWithStaticAbstractMember_ReturnsComponentUntimedWithWarningNamingIt()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<FactoryJob>().As(typeof(IFactoryJob));
        });

        var job = (IFactoryJob)container.Resolve(typeof(IFactoryJob));

        Assert.IsType<FactoryJob>(job);
        Assert.Equal(5, job.Run());
        Assert.Empty(container.Memory().TimedFunctions());
        var warning = Assert.Single(logs.Messages);
        Assert.Contains(typeof(FactoryJob).FullName!, warning, StringComparison.Ordinal);
        Assert.Contains("static abstract member Create", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TimedMethodWithSpanParameter_CallsItUntimedTimesTheOthersAndWarnsNamingIt()
    {
        var logs = new RecordingLoggerFactory();
        using var container = Build(b =>
        {
            b.RegisterInstance(logs).As<ILoggerFactory>();
            b.RegisterType<SpanJob>().As<ISpanJob>();
        });

        var job = container.Resolve<ISpanJob>();

        Assert.Equal(6, job.Sum([1, 2, 3]));
        Assert.Equal(2, job.Count());
        Assert.Equal(["SpanJob.Count"], container.Memory().TimedFunctions());
        var warning = Assert.Single(logs.Messages);
        Assert.Contains(typeof(SpanJob).FullName + ".Sum", warning, StringComparison.Ordinal);
        Assert.Contains("System.ReadOnlySpan<System.Int32>", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ProxyCannotBeCreated_ReturnsComponentUntimedAndWarnsOnce()
    {
        // A plugin's types live in a collectible load context, which Castle's proxy assembly may not reference: a
        // failure no check predicts, so the resolve itself must survive it.
        var plugin = new AssemblyLoadContext("plugin", isCollectible: true);
        try
        {
            var assembly = plugin.LoadFromAssemblyPath(typeof(Calculator).Assembly.Location);
            var service = assembly.GetType(typeof(ICalculator).FullName!)!;
            var implementation = assembly.GetType(typeof(Calculator).FullName!)!;
            var logs = new RecordingLoggerFactory();
            using var container = Build(b =>
            {
                b.RegisterInstance(logs).As<ILoggerFactory>();
                b.RegisterType(implementation).As(service);
            });

            var first = container.Resolve(service);
            var second = container.Resolve(service);

            if (Generated)
            {
                // The plugin's own generated decorator needs no proxy assembly: there the component is timed.
                Assert.True(IsTimed(first));
                Assert.IsType(implementation, TargetOf(second));
                Assert.Equal(5, service.GetMethod(nameof(ICalculator.Add))!.Invoke(first, [2, 3]));
                Assert.Equal(["Calculator.Add"], container.Memory().TimedFunctions());
                Assert.Empty(logs.Messages);
                return;
            }

            Assert.IsType(implementation, first);
            Assert.IsType(implementation, second);
            Assert.Equal(5, service.GetMethod(nameof(ICalculator.Add))!.Invoke(first, [2, 3]));
            Assert.Empty(container.Memory().TimedFunctions());
            var warning = Assert.Single(logs.Messages);
            Assert.Contains(implementation.FullName!, warning, StringComparison.Ordinal);
            Assert.Contains("not timed", warning, StringComparison.Ordinal);
        }
        finally
        {
            plugin.Unload();
        }
    }
}
