using Interception.Metrics.Generators.CodeFixes;
using Interception.Metrics.Generators.Diagnostics;
using Interception.Metrics.Generators.Tests.Verification;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Interception.Metrics.Generators.Tests.CodeFixes;

public class ReplaceLiteralCodeFixTests
{
    [Fact]
    public Task Fix_LabelsEntryWithColonOrInvalidKey_WritesKeyEqualsValue() =>
        CodeFixVerifier<TimerArgumentsAnalyzer, ReplaceLiteralCodeFix>.VerifyAsync(
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(Labels = [{|INTM006:"team: core"|}, {|INTM006:"tier-level=gold"|}, "region=eu"])]
                void Place();
            }
            """,
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(Labels = ["team=core", "tier_level=gold", "region=eu"])]
                void Place();
            }
            """);

    [Fact]
    public Task Fix_EntryWithoutAnyKey_OffersNothing() =>
        CodeFixVerifier<TimerArgumentsAnalyzer, ReplaceLiteralCodeFix>.VerifyAsync(
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(Labels = [{|INTM006:"nokey"|}, {|INTM006:"=value"|}])]
                void Place();
            }
            """,
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(Labels = [{|INTM006:"nokey"|}, {|INTM006:"=value"|}])]
                void Place();
            }
            """);

    [Fact]
    public Task Fix_NamePaddedWithWhiteSpace_TrimsIt() =>
        CodeFixVerifier<TimerArgumentsAnalyzer, ReplaceLiteralCodeFix>.VerifyAsync(
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(MetricKind.Database, Name = {|INTM008:" select_orders "|})]
                void Select();

                [MetricsTimer(Name = {|INTM008:""|})]
                void Empty();
            }
            """,
            """
            using Interception.Metrics;

            public interface IOrders
            {
                [MetricsTimer(MetricKind.Database, Name = "select_orders")]
                void Select();

                [MetricsTimer(Name = {|INTM008:""|})]
                void Empty();
            }
            """);

    [Fact]
    public Task Fix_MetricLabelNameNotAValidLabel_MakesItValid()
    {
        var test = new CodeFixVerifier<ArgumentLabelAnalyzer, ReplaceLiteralCodeFix>.Test
        {
            TestCode = """
                using Interception.Metrics;

                public interface IPublisher
                {
                    [MetricsTimer]
                    void Publish([MetricLabel({|INTM011:"channel-type"|})] string type);
                }
                """,
            FixedCode = """
                using Interception.Metrics;

                public interface IPublisher
                {
                    [MetricsTimer]
                    void Publish([MetricLabel("channel_type")] string type);
                }
                """,
        };
        test.TestState.Sources.Add(Sources.MetricLabelAttribute);
        test.FixedState.Sources.Add(Sources.MetricLabelAttribute);
        return test.RunAsync();
    }

    [Fact]
    public void FixableDiagnosticIds_AreTheLiteralRewrites() => Assert.Equal(
        [DiagnosticIds.MalformedLabel, DiagnosticIds.NameRendersBadly, DiagnosticIds.ArgumentLabelInvalidName],
        new ReplaceLiteralCodeFix().FixableDiagnosticIds.ToArray());
}
