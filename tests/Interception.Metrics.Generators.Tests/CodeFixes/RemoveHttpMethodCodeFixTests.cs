using Verify = Interception.Metrics.Generators.Tests.Verification.CodeFixVerifier<
    Interception.Metrics.Generators.Diagnostics.TimerArgumentsAnalyzer,
    Interception.Metrics.Generators.CodeFixes.RemoveHttpMethodCodeFix>;

namespace Interception.Metrics.Generators.Tests.CodeFixes;

public class RemoveHttpMethodCodeFixTests
{
    [Fact]
    public Task Fix_HttpMethodOnDatabaseKind_RemovesOnlyThatArgument() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(MetricKind.Database, {|INTM009:HttpMethod = "POST"|}, Name = "insert_order")]
            void Insert();
        }
        """,
        """
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(MetricKind.Database, Name = "insert_order")]
            void Insert();
        }
        """);

    [Fact]
    public Task Fix_HttpMethodAsTheOnlyArgument_LeavesTheBareAttribute() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer({|INTM009:HttpMethod = "GET"|})]
            void Count();
        }
        """,
        """
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer]
            void Count();
        }
        """);
}
