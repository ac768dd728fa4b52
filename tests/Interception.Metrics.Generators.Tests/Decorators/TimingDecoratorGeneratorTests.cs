using Interception.Metrics.Generators.Tests.Verification;

namespace Interception.Metrics.Generators.Tests.Decorators;

/// <summary>What the generator writes: a decorator that compiles without a warning, or nothing at all.</summary>
public class TimingDecoratorGeneratorTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics.CodeAnalysis;
        using System.Threading.Tasks;
        using Interception.Metrics;

        """;

    [Theory]
    [InlineData("int Run(int value);")]
    [InlineData("void Run();")]
    [InlineData("string? Run(string? value);")]
    [InlineData("Task Run();")]
    [InlineData("Task<int> Run(int value);")]
    [InlineData("Task<string?>? Run();")]
    [InlineData("ValueTask Run();")]
    [InlineData("ValueTask<int> Run(int value);")]
    [InlineData("IAsyncEnumerable<int> Run(int count);")]
    [InlineData("Task<T> Run<T>(T value);")]
    [InlineData("T Run<T>(T value);")]
    [InlineData("T? Run<T>(T? value);")]
    [InlineData("T? Run<T>(T? value) where T : struct;")]
    [InlineData("T? Run<T>(T? value) where T : class;")]
    [InlineData("IList<T[]> Run<T>(List<T> values) where T : IComparable<T>;")]
    [InlineData("int Run(ref int a, out int b, in int c, ref readonly int d);")]
    [InlineData("bool Run(string key, [MaybeNullWhen(false)] out string value);")]
    [InlineData("[return: NotNullIfNotNull(nameof(value))] string? Run(string? value);")]
    [InlineData("System.Threading.Tasks.Task<int> Run(int @event, string @class);")]
    [InlineData("int Run([MetricLabel(\"region\")] string region, [MetricLabel(\"fast\")] bool fast, out int written);")]
    [InlineData("int Run() => 42;")]
    public void Generate_TimedMethodOfEachShape_WritesOneDecoratorThatCompilesWithoutWarnings(string member)
    {
        var run = GeneratorRun.Of(Usings + $$"""
            namespace Shop
            {
                public interface IService
                {
                    [MetricsTimer]
                    {{member}}

                    int Untimed();

                    string Name { get; set; }

                    int this[int index] { get; }

                    event EventHandler? Changed;
                }

                public sealed class DerivedTask(Action action) : Task(action);
            }
            """ + Implementation(member));

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics) + "\n" + run.Text());
        Assert.Equal(["Shop_Service_TimingDecorator.g.cs"], run.Decorators);
        Assert.Contains(run.Generated, t => t.ToString().Contains("GeneratedTimingDecorator(typeof(global::Interception.Metrics.Generated.Shop_Service_TimingDecorator.Factory))", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_TaskSubclassDefaultInterfaceMemberAndInheritedInterface_CompilesWithoutWarnings()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace Shop
            {
                public sealed class DerivedTask(Action action) : Task(action);

                [MetricsTimer]
                public interface IBase
                {
                    DerivedTask Defer(DerivedTask task);

                    int Plain() => 7;

                    int Sum(ReadOnlySpan<int> values);

                    ref int Slot();
                }

                public interface IService : IBase, IDisposable
                {
                    new int Plain();
                }

                internal sealed class Service : IService
                {
                    public DerivedTask Defer(DerivedTask task) => task;

                    private int _slot = 3;

                    public int Plain() => 1;

                    public int Sum(ReadOnlySpan<int> values) => values.Length;

                    public ref int Slot() => ref _slot;

                    public void Dispose()
                    {
                    }
                }
            }
            """);

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics) + "\n" + run.Text());
        Assert.Equal(["Shop_Service_TimingDecorator.g.cs"], run.Decorators);
    }

    [Theory]
    [InlineData("public sealed class Service<T> : IService { [MetricsTimer] public int Run() => 1; }")]
    [InlineData("public abstract class Service : IService { [MetricsTimer] public int Run() => 1; }")]
    [InlineData("public static class Outer { private sealed class Service : IService { [MetricsTimer] public int Run() => 1; } }")]
    [InlineData("file sealed class Service : IService { [MetricsTimer] public int Run() => 1; }")]
    [InlineData("public sealed class Service : IService, IPointers { [MetricsTimer] public int Run() => 1; public unsafe int Read(int* value) => *value; }")]
    [InlineData("public sealed class Service : IService, IInit { [MetricsTimer] public int Run() => 1; public int Size { get; init; } }")]
    [InlineData("public sealed class Service : IService, ISized { public int Run() => 1; public int Size { [MetricsTimer] get => 1; } }")]
    [InlineData("public sealed class Service : IService { public int Run() => 1; [MetricsTimer] public int NotOnAnInterface() => 2; }")]
    [InlineData("public sealed class Service : IService, ISpans { public int Run() => 1; [MetricsTimer] public int Sum(ReadOnlySpan<int> values) => values.Length; }")]
    public void Generate_ClassItCannotCoverOrWithNothingTimedThroughItsInterfaces_WritesNoDecorator(string implementation)
    {
        var run = GeneratorRun.Of(Usings + """
            namespace Shop
            {
                public interface IService
                {
                    int Run();
                }

                public unsafe interface IPointers
                {
                    int Read(int* value);
                }

                public interface IInit
                {
                    int Size { get; init; }
                }

                public interface ISized
                {
                    int Size { get; }
                }

                public interface ISpans
                {
                    int Sum(ReadOnlySpan<int> values);
                }

            """ + implementation + "\n}\n");

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics));
        Assert.Empty(run.Decorators);
        Assert.Empty(run.Generated);
    }

    [Fact]
    public void Generate_InterfaceWithStaticAbstractMember_LeavesItOutOfTheDecorator()
    {
        var run = GeneratorRun.Of(Usings + """
            namespace Shop
            {
                public interface IService
                {
                    [MetricsTimer]
                    int Run();
                }

                public interface ICreate<TSelf> where TSelf : ICreate<TSelf>
                {
                    static abstract TSelf Create();
                }

                public sealed class Service : IService, ICreate<Service>
                {
                    public int Run() => 1;

                    public static Service Create() => new();
                }
            }
            """);

        Assert.True(run.Diagnostics.IsEmpty, string.Join("\n", run.Diagnostics) + "\n" + run.Text());
        var decorator = Assert.Single(run.Generated, t => t.FilePath.EndsWith("Shop_Service_TimingDecorator.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains(": global::Shop.IService, global::Interception.Metrics.Timing.Decorators.ITimingDecorator", decorator, StringComparison.Ordinal);
        Assert.DoesNotContain("ICreate", decorator, StringComparison.Ordinal);
    }

    // A class implementing IService with a member for each interface member, bodies that compile for any signature.
    private static string Implementation(string member) => """

        namespace Shop
        {
            public sealed class Service : IService
            {
                private int _slot = 3;

                public string Name { get; set; } = "";

                public int this[int index] => index;

                public event EventHandler? Changed;

                public int Untimed() => Changed is null ? _slot : 2;

        """ + Body(member) + """

            }
        }
        """;

    private static string Body(string member)
    {
        if (member.EndsWith("=> 42;", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        // An implicit implementation restates the constraints; attributes go before the modifiers.
        var signature = member.TrimEnd(';');
        var attributes = string.Empty;
        if (signature.StartsWith('['))
        {
            var close = signature.IndexOf(']', StringComparison.Ordinal) + 1;
            attributes = signature[..close] + " ";
            signature = signature[close..].TrimStart();
        }

        var body = member switch
        {
            _ when member.StartsWith("void", StringComparison.Ordinal) => "{ }",
            _ when member.StartsWith("ref int", StringComparison.Ordinal) => "=> ref _slot;",
            _ when member.Contains("out int b", StringComparison.Ordinal) => "{ b = a + c + d; return b; }",
            _ when member.Contains("out string value", StringComparison.Ordinal) => "{ value = key; return true; }",
            _ when member.Contains("out int written", StringComparison.Ordinal) => "{ written = region.Length; return fast ? 1 : 0; }",
            _ => "=> throw new NotSupportedException();",
        };
        return $"        {attributes}public {signature} {body}";
    }
}
