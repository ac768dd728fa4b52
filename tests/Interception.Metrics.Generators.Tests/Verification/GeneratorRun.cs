using System.Collections.Immutable;
using Interception.Metrics.Generators.Decorators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Interception.Metrics.Generators.Tests.Verification;

/// <summary>Runs <see cref="TimingDecoratorGenerator"/> on a source and compiles the result, as a user's build would.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(ImmutableArray<SyntaxTree> generated, ImmutableArray<Diagnostic> diagnostics)
    {
        Generated = generated;
        Diagnostics = diagnostics;
    }

    /// <summary>The trees the generator added.</summary>
    public ImmutableArray<SyntaxTree> Generated { get; }

    /// <summary>Warnings and errors of the compilation with the generated trees, and of the generator itself.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The hint names of the decorators written (the registry left out).</summary>
    public string[] Decorators =>
        [.. Generated.Select(t => Path.GetFileName(t.FilePath)).Where(n => n.EndsWith("_TimingDecorator.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static GeneratorRun Of(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "UserAssembly",
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var driver = CSharpGeneratorDriver.Create([new TimingDecoratorGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = driver.GetRunResult().GeneratedTrees;
        var diagnostics = output.GetDiagnostics().Concat(generatorDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return new GeneratorRun(generated, diagnostics);
    }

    /// <summary>The generated text, for a failure message.</summary>
    public string Text() => string.Join("\n", Generated.Select(t => t.ToString()));
}
