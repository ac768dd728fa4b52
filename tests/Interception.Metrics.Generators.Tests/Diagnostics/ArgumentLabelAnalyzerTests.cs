using Interception.Metrics.Generators.Tests.Verification;
using Verify = Interception.Metrics.Generators.Tests.Verification.AnalyzerVerifier<Interception.Metrics.Generators.Diagnostics.ArgumentLabelAnalyzer>;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

public class ArgumentLabelAnalyzerTests
{
    [Fact]
    public Task Analyze_SupportedParameters_ReportsNothing() => Verify.VerifyAsync(
        """
        using System;
        using Interception.Metrics;

        public enum ChannelType { Public, Private }

        public interface IPublisher
        {
            [MetricsTimer]
            void Publish(
                [MetricLabel("channel_type")] ChannelType type,
                [MetricLabel("channel")] string? channel,
                [MetricLabel("urgent")] bool urgent,
                [MetricLabel("shard")] int? shard,
                [MetricLabel("region")] in long region,
                [MetricLabel("slot")] ref byte slot,
                [MetricLabel("big")] UInt128 big,
                [MetricLabel("native")] nint native,
                object payload);

            [MetricsTimer(MetricKind.Http)]
            void Get([MetricLabel("function")] string notAnHttpLabel);
        }

        public sealed class Publisher : IPublisher
        {
            public void Publish(ChannelType type, string? channel, bool urgent, int? shard, in long region, ref byte slot, UInt128 big, nint native, object payload) { }
            public void Get(string notAnHttpLabel) { }
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_ParameterThatCannotBeALabel_ReportsInterm010() => Verify.VerifyAsync(
        """
        using System;
        using Interception.Metrics;

        public interface IPublisher
        {
            [MetricsTimer]
            void Publish(
                [{|INTM010:MetricLabel("payload")|}] object payload,
                [{|INTM010:MetricLabel("at")|}] DateTime at,
                [{|INTM010:MetricLabel("ratio")|}] double ratio,
                [{|INTM010:MetricLabel("count")|}] out int count);

            [MetricsTimer]
            void Generic<T>([{|INTM010:MetricLabel("value")|}] T value);
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_ParameterOfAClassTypeParameterConstrainedToAnEnum_ReportsNothing() => Verify.VerifyAsync(
        """
        using System;
        using System.Threading.Tasks;
        using Interception.Metrics;

        public interface IHandler<TKind> where TKind : struct, Enum
        {
            [MetricsTimer]
            Task Handle([MetricLabel("kind")] TKind kind);
        }

        // Closed when the component is built (Handler<ChannelType>): the runtime sees an enum.
        public sealed class Handler<TKind> : IHandler<TKind> where TKind : struct, Enum
        {
            public Task Handle([MetricLabel("kind")] TKind kind) => Task.CompletedTask;
        }

        public sealed class Outer<TKind, TState> where TKind : Enum where TState : struct, TKind
        {
            public interface INested
            {
                [MetricsTimer]
                void Run([MetricLabel("kind")] TKind kind, [MetricLabel("state")] TState? state);
            }
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_ParameterOfATypeParameterTheRuntimeSeesUnbound_ReportsInterm010() => Verify.VerifyAsync(
        """
        using System;
        using Interception.Metrics;

        public interface IHandler<T>
        {
            // Nothing makes T an enum: Handler<object> would be refused.
            [MetricsTimer]
            void Handle([{|INTM010:MetricLabel("value")|}] T value);

            // The plan is bound to the generic method's definition, where TKind is no enum.
            [MetricsTimer]
            void Route<TKind>([{|INTM010:MetricLabel("kind")|}] TKind kind) where TKind : struct, Enum;
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_MoreThanEightLabelParameters_ReportsInterm010PastTheEighth() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IPublisher
        {
            [MetricsTimer]
            void Eight(
                [MetricLabel("a")] int a, [MetricLabel("b")] int b, [MetricLabel("c")] int c, [MetricLabel("d")] int d,
                [MetricLabel("e")] int e, [MetricLabel("f")] int f, [MetricLabel("g")] int g, [MetricLabel("h")] int h,
                string payload);

            [MetricsTimer]
            void Ten(
                [MetricLabel("a")] int a, [MetricLabel("b")] int b, [MetricLabel("c")] int c, string payload,
                [MetricLabel("d")] int d, [MetricLabel("e")] int e, [MetricLabel("f")] int f, [MetricLabel("g")] int g,
                [MetricLabel("h")] int h, [{|INTM010:MetricLabel("i")|}] int i, [{|INTM010:MetricLabel("j")|}] int j);
        }

        public sealed class Publisher : IPublisher
        {
            public void Eight(int a, int b, int c, int d, int e, int f, int g, int h, string payload) { }

            public void Ten(
                [MetricLabel("a")] int a, [MetricLabel("b")] int b, [MetricLabel("c")] int c, string payload,
                [MetricLabel("d")] int d, [MetricLabel("e")] int e, [MetricLabel("f")] int f, [MetricLabel("g")] int g,
                [MetricLabel("h")] int h, [{|INTM010:MetricLabel("i")|}] int i, [{|INTM010:MetricLabel("j")|}] int j) { }
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_InvalidLabelName_ReportsInterm011() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IPublisher
        {
            [MetricsTimer]
            void Publish(
                [MetricLabel({|INTM011:"channel-type"|})] string a,
                [MetricLabel({|INTM011:"__reserved"|})] string b,
                [MetricLabel({|INTM011:""|})] string c,
                [MetricLabel({|INTM011:null!|})] string d,
                [MetricLabel({|INTM011:"9th"|})] string e);
        }
        """,
        Sources.MetricLabelAttribute);

    [Fact]
    public Task Analyze_LabelNameTakenByTheKindOrTheMethod_ReportsInterm007() => Verify.VerifyAsync(
        """
        using Interception.Metrics;

        public interface IPublisher
        {
            [MetricsTimer]
            void Function([MetricLabel({|INTM007:"status"|})] string a, [MetricLabel({|INTM007:"function"|})] string b);

            [MetricsTimer(MetricKind.Http, Labels = ["team=core"])]
            void Http([MetricLabel({|INTM007:"endpoint"|})] string a, [MetricLabel({|INTM007:"team"|})] string b);

            [MetricsTimer]
            void Twice([MetricLabel("shard")] int a, [MetricLabel({|INTM007:"shard"|})] int b);
        }

        [MetricsTimer(MetricKind.Database)]
        public interface IQueries
        {
            void Select([MetricLabel({|INTM007:"operation"|})] string table);
        }

        public interface IJobs
        {
            [MetricsTimer(MetricKind.BackgroundTask)]
            void Run(string name);
        }

        public sealed class Jobs : IJobs
        {
            // The kind comes from the interface method this one implements.
            public void Run([MetricLabel({|INTM007:"task_name"|})] string name) { }
        }
        """,
        Sources.MetricLabelAttribute);
}
