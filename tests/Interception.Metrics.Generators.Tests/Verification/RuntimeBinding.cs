using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>
/// One source seen by both sides: compiled into a <see cref="Compilation"/> whose symbols the analyzer's code reads,
/// and loaded as an assembly whose types the runtime's <c>TimingAttributes.Resolve</c> binds.
/// </summary>
internal static class RuntimeBinding
{
    /// <summary>Compiles <paramref name="source"/> against <see cref="TestCompilation.References"/> and loads it.</summary>
    public static (Compilation Compilation, Assembly Assembly) Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            $"RuntimeBinding{Guid.NewGuid():N}",
            [CSharpSyntaxTree.ParseText(source)],
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return (compilation, Assembly.Load(image.ToArray()));
    }

    /// <summary>
    /// How many argument labels the runtime binds for <paramref name="method"/> called on <paramref name="implementationType"/>,
    /// or <see langword="null"/> when it refuses the method (the call would proceed untimed).
    /// </summary>
    public static int? ArgumentLabels(Type implementationType, MethodInfo method)
    {
        var resolve = typeof(MetricsCollectorService).Assembly
            .GetType("Interception.Metrics.Timing.TimingAttributes", throwOnError: true)!
            .GetMethod("Resolve", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            var timed = resolve.Invoke(null, [implementationType, method, false]);
            Assert.NotNull(timed);
            return ((System.Collections.ICollection)timed.GetType().GetProperty("ArgumentLabels")!.GetValue(timed)!).Count;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is ArgumentException)
        {
            return null;
        }
    }
}
