using Interception.Metrics.Generators.Diagnostics;
using Interception.Metrics.Generators.Tests.Verification;
using Verify = Interception.Metrics.Generators.Tests.Verification.AnalyzerVerifier<Interception.Metrics.Generators.Diagnostics.TimerPlacementAnalyzer>;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

public class TimerPlacementAnalyzerTests
{
    [Fact]
    public Task Analyze_TimedMethodsReachedThroughInterfaces_ReportsNothing() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer]
            Task<int> CountAsync();

            int Total(int a);

            T Get<T>(string key);

            IAsyncEnumerable<int> StreamAsync();
        }

        public interface IAudit { void Write(); }

        public class OrdersBase : IOrders
        {
            public virtual Task<int> CountAsync() => Task.FromResult(1);
            [MetricsTimer] public virtual int Total(int a) => a;
            [MetricsTimer] public T Get<T>(string key) => default!;
            public IAsyncEnumerable<int> StreamAsync() => null!;
        }

        [MetricsTimer(MetricKind.Database)]
        public sealed class Orders : OrdersBase, IAudit, IDisposable
        {
            [MetricsTimer] public override int Total(int a) => a * 2;
            [MetricsTimer] void IAudit.Write() { }
            public void NotOnAnyInterface() { }
            [MetricsTimer] public void Dispose() { }
        }

        // An abstract base is registered through a derived class, which may add the interface.
        public abstract class RepositoryBase
        {
            [MetricsTimer] public virtual void Save() { }
        }

        public interface IRepository { void Save(); }

        public sealed class Repository : RepositoryBase, IRepository { }

        public interface IGeneric<T> { [MetricsTimer] T Echo(T value); }

        public sealed class Generic<T> : IGeneric<T> { [MetricsTimer(Name = "echo")] public T Echo(T value) => value; }
        """);

    [Fact]
    public Task Analyze_TimedPublicMethodNoInterfaceDeclares_ReportsInterm001() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public sealed class Orders : IOrders
        {
            public void Place() { }

            [{|INTM001:MetricsTimer|}]
            public void Cancel() { }
        }

        public class Base : IOrders { public void Place() { } }

        public interface IShipping { void Ship(); }

        public sealed class Derived : Base, IShipping
        {
            // Hides the base method: a proxy of IOrders calls Base.Place, never this one.
            [{|INTM001:MetricsTimer|}]
            public new void Place() { }

            public void Ship() { }
        }
        """);

    [Fact]
    public Task Analyze_TimedMethodStaticOrNotPublic_ReportsInterm002() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public class Orders : IOrders
        {
            public void Place() { }
            [{|INTM002:MetricsTimer|}] private void Validate() { }
            [{|INTM002:MetricsTimer|}] protected virtual void Audit() { }
            [{|INTM002:MetricsTimer|}] internal void Log() { }
            [{|INTM002:MetricsTimer|}] public static void Reset() { }
        }

        public interface IShapes
        {
            [{|INTM002:MetricsTimer|}] static int Zero() => 0;
            [{|INTM002:MetricsTimer|}] private int Hidden() => 0;
            [MetricsTimer] int Count();
        }
        """);

    [Fact]
    public Task Analyze_TimedLocalFunctionOrLambda_ReportsInterm002() => Verify.VerifyAsync("""
        using System;
        using Interception.Metrics;

        public interface IJob { void Run(); }

        public sealed class Job : IJob
        {
            public void Run()
            {
                [{|INTM002:MetricsTimer|}]
                static void Step() { }

                Action work = [{|INTM002:MetricsTimer|}] () => { };
                Step();
                work();
            }
        }
        """);

    [Fact]
    public Task Analyze_TimedAccessorReachedThroughInterface_ReportsInterm003Unless_NameIsSet() => Verify.VerifyAsync("""
        using System;
        using Interception.Metrics;

        public interface IValues
        {
            int Value { [{|INTM003:MetricsTimer|}] get; }
            int Other { get; set; }
            int Named { [MetricsTimer(Name = "values.named")] get; }
            event EventHandler Changed;
        }

        public sealed class Values : IValues
        {
            public int Value => 1;
            public int Other { get => 2; [{|INTM003:MetricsTimer(MetricKind.Database)|}] set { } }
            public int Named => 3;
            public event EventHandler Changed { [{|INTM003:MetricsTimer|}] add { } remove { } }
            public int NotOnInterface { [{|INTM001:MetricsTimer|}] get => 4; }
        }
        """);

    [Fact]
    public Task Analyze_UnsealedBaseReachedThroughADerivedClassInterface_ReportsNothing() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Interception.Metrics;

        // Registered as UserRepository.As<IUserRepository>(): IUserRepository.SaveAsync maps to RepositoryBase.SaveAsync.
        public class RepositoryBase
        {
            [MetricsTimer] public virtual Task SaveAsync() => Task.CompletedTask;
        }

        public interface IUserRepository { Task SaveAsync(); }

        public class UserRepository : RepositoryBase, IUserRepository { }

        // Interface mapping reaches a non-virtual base method too.
        public class AuditBase { [MetricsTimer(MetricKind.Database)] public void Write() { } }
        public interface IAudit { void Write(); }
        public sealed class Audit : AuditBase, IAudit { }

        // The derived class overrides the method: the override inherits the attribute.
        public class CacheBase { [MetricsTimer] public virtual int Get() => 0; }
        public interface ICache { int Get(); }
        public sealed class Cache : CacheBase, ICache { public override int Get() => 1; }

        // A type-level timer, reached through a class two levels down.
        [MetricsTimer]
        public class JobBase { public void Run() { } }
        public class ScheduledJob : JobBase { }
        public interface IJob { void Run(); }
        public sealed class NightlyJob : ScheduledJob, IJob { }

        // A generic base, closed by the derived class.
        public class StoreBase<T> { [MetricsTimer] public T Load() => default!; }
        public interface IStore<T> { T Load(); }
        public sealed class IntStore : StoreBase<int>, IStore<int> { }

        // The base's own interface is internal; the derived class's public one reaches the method.
        internal interface IWorkerInternals { void Reset(); }
        public class WorkerBase : IWorkerInternals { [MetricsTimer] public void Work() { } public void Reset() { } }
        public interface IWorker { void Work(); }
        public sealed class Worker : WorkerBase, IWorker { }
        """);

    [Fact]
    public Task Analyze_UnsealedClassNoDerivedClassReaches_ReportsInterm001AndInterm004() => Verify.VerifyAsync("""
        using Interception.Metrics;

        // Nothing derives from it: it can only be registered as itself.
        public class {|INTM004:Reports|}
        {
            [MetricsTimer] public void Render() { }
        }

        // A derived class without an interface brings none.
        [MetricsTimer]
        public class {|INTM004:ExportBase|} { public void Export() { } }
        public sealed class CsvExport : ExportBase { }

        // The derived class hides the method: its interface reaches the new one, never the base's.
        public class ShippingBase
        {
            [{|INTM001:MetricsTimer|}]
            public void Ship() { }
        }

        public interface IShipping { void Ship(); }

        public sealed class Shipping : ShippingBase, IShipping { public new void Ship() { } }

        // The derived classes' interfaces declare other methods.
        public interface ITracking { void Track(); }
        public class TrackingBase : ITracking
        {
            public void Track() { }

            [{|INTM001:MetricsTimer|}]
            public virtual void Forget() { }
        }

        public class Tracking : TrackingBase, System.IComparable { public int CompareTo(object? other) => 0; }
        public sealed class DailyTracking : Tracking { public override void Forget() { } }

        // Private stays unreachable whatever derives from the class.
        public class ChannelsBase
        {
            [{|INTM002:MetricsTimer|}]
            private void Load() { }
        }

        public interface IChannels { void Load(); }
        public sealed class Channels : ChannelsBase, IChannels { public void Load() { } }
        """);

    [Fact]
    public Task Analyze_TimedClassWithoutInterface_ReportsInterm004OnTheClassOnly() => Verify.VerifyAsync("""
        using System;
        using Interception.Metrics;

        public sealed class {|INTM004:Reports|}
        {
            [MetricsTimer] public void Render() { }
            [MetricsTimer] public void Print() { }
        }

        [MetricsTimer]
        public sealed class {|INTM004:Cache|} : IDisposable
        {
            public int Get() => 1;
            public void Dispose() { }
        }

        [MetricsTimer]
        public static class {|INTM004:Helpers|}
        {
            [{|INTM002:MetricsTimer|}] public static void Help() { }
        }

        // Abstract: a derived class may bring the interface.
        [MetricsTimer]
        public abstract class Base
        {
            [MetricsTimer] public void Run() { }
        }

        // Not timed at all: nothing to say.
        public sealed class Plain { public void Run() { } }
        """);

    [Fact]
    public Task Analyze_TimedInterfaceNotVisibleToProxyAssembly_ReportsInterm005() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using Interception.Metrics;

        internal interface {|INTM005:IHidden|}
        {
            [MetricsTimer] void Run();
        }

        internal sealed class Hidden : IHidden { public void Run() { } }

        internal interface IPlain { void Run(); }

        [MetricsTimer]
        internal sealed class {|INTM005:Plain|} : IPlain { public void Run() { } }

        internal sealed class Secret { }

        public interface IRepository<T> { T Get(); }

        [MetricsTimer]
        internal sealed class {|INTM005:SecretRepository|} : IRepository<Secret> { public Secret Get() => new(); }

        public sealed class Outer
        {
            [MetricsTimer]
            private interface {|INTM005:INested|} { void Run(); }
        }

        // Public, or public generic over public types: visible.
        public interface IVisible { [MetricsTimer] void Run(); }
        public sealed class Visible : IVisible, IRepository<List<int>> { public void Run() { } [MetricsTimer] public List<int> Get() => new(); }
        """);

    [Fact]
    public Task Analyze_InternalInterfacesOfAnAssemblyGrantingTheProxyAssembly_ReportsNothing() => Verify.VerifyAsync("""
        using Interception.Metrics;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DynamicProxyGenAssembly2")]

        internal interface IBotRepository
        {
            [MetricsTimer(MetricKind.Database, Name = "select_channels")]
            int SelectChannels();
        }

        [MetricsTimer]
        internal sealed class BotRepository : IBotRepository { public int SelectChannels() => 0; }

        public sealed class Outer
        {
            internal interface INested { [MetricsTimer] void Run(); }

            // Private stays invisible whatever the assembly grants.
            private interface {|INTM005:IPrivate|} { [MetricsTimer] void Run(); }
        }
        """);

    [Fact]
    public Task Analyze_CompilationWithoutTheAttribute_ReportsNothing()
    {
        var test = new AnalyzerVerifier<TimerPlacementAnalyzer>.Test { TestCode = "public sealed class C { private void M() { } }" };
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References.Take(TestCompilation.References.Length - 1));
        return test.RunAsync();
    }
}
