using Interception.Metrics.Generators.CodeFixes;
using Interception.Metrics.Generators.Diagnostics;
using Verify = Interception.Metrics.Generators.Tests.Verification.CodeFixVerifier<
    Interception.Metrics.Generators.Diagnostics.TimerPlacementAnalyzer,
    Interception.Metrics.Generators.CodeFixes.MakePublicCodeFix>;

namespace Interception.Metrics.Generators.Tests.CodeFixes;

public class MakePublicCodeFixTests
{
    [Fact]
    public Task Fix_PrivateMethodThatWouldImplementTheInterface_MakesItPublicAndTheDiagnosticGoes() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public class Base { public void Place() { } }

        // Re-implements IOrders: once public, its own Place implements IOrders.Place.
        public sealed class Orders : Base, IOrders
        {
            [{|INTM002:MetricsTimer|}]
            private new void Place() { }
        }
        """,
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public class Base { public void Place() { } }

        // Re-implements IOrders: once public, its own Place implements IOrders.Place.
        public sealed class Orders : Base, IOrders
        {
            [MetricsTimer]
            public new void Place() { }
        }
        """);

    [Fact]
    public Task Fix_ProtectedInternalMethodNoInterfaceDeclares_MakesItPublicAndRevealsInterm001() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public class Orders : IOrders
        {
            public void Place() { }

            [{|INTM002:MetricsTimer|}]
            protected internal void Audit() { }
        }
        """,
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public class Orders : IOrders
        {
            public void Place() { }

            [{|INTM001:MetricsTimer|}]
            public void Audit() { }
        }
        """);

    [Fact]
    public Task Fix_StaticOrOverridingMethod_OffersNothing() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public abstract class Base { protected abstract void Audit(); }

        public sealed class Orders : Base, IOrders
        {
            public void Place() { }

            [{|INTM002:MetricsTimer|}]
            private static void Reset() { }

            [{|INTM002:MetricsTimer|}]
            protected override void Audit() { }
        }
        """,
        """
        using Interception.Metrics;

        public interface IOrders { void Place(); }

        public abstract class Base { protected abstract void Audit(); }

        public sealed class Orders : Base, IOrders
        {
            public void Place() { }

            [{|INTM002:MetricsTimer|}]
            private static void Reset() { }

            [{|INTM002:MetricsTimer|}]
            protected override void Audit() { }
        }
        """);

    [Fact]
    public void FixableDiagnosticIds_IsInterm002() =>
        Assert.Equal([DiagnosticIds.TimedMethodNotReachable], new MakePublicCodeFix().FixableDiagnosticIds.ToArray());
}
