using Verify = Interception.Metrics.Generators.Tests.Verification.CodeFixVerifier<
    Interception.Metrics.Generators.Diagnostics.TimerPlacementAnalyzer,
    Interception.Metrics.Generators.CodeFixes.AddProxyInternalsVisibleToCodeFix>;

namespace Interception.Metrics.Generators.Tests.CodeFixes;

public class AddProxyInternalsVisibleToCodeFixTests
{
    [Fact]
    public Task Fix_InternalTimedInterface_GrantsTheProxyAssemblyAndTheDiagnosticGoes() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        internal interface {|INTM005:IJobs|}
        {
            [MetricsTimer] void Run();
        }
        """,
        """
        using Interception.Metrics;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("DynamicProxyGenAssembly2")]

        internal interface IJobs
        {
            [MetricsTimer] void Run();
        }
        """);

    [Fact]
    public Task Fix_PrivateNestedInterface_OffersNothing() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public sealed class Outer
        {
            private interface {|INTM005:IJobs|} { [MetricsTimer] void Run(); }
        }
        """,
        """
        using Interception.Metrics;

        public sealed class Outer
        {
            private interface {|INTM005:IJobs|} { [MetricsTimer] void Run(); }
        }
        """);
}
