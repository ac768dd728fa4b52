using System.Collections.Immutable;
using System.Composition;
using Interception.Metrics.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Interception.Metrics.Generators.CodeFixes;

/// <summary>
/// Rewrites a string literal to the text the analyzer suggests: a <c>Labels</c> entry written <c>key:value</c> as
/// <c>key=value</c> or with its key made a valid label name (INTM006), a Name without its surrounding white space
/// (INTM008), a [MetricLabel] name made valid (INTM011).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceLiteralCodeFix))]
[Shared]
public sealed class ReplaceLiteralCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.MalformedLabel, DiagnosticIds.NameRendersBadly, DiagnosticIds.ArgumentLabelInvalidName);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Replacement, out var replacement)
                || replacement is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var rewritten = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replacement))
                .WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use {SymbolDisplay.FormatLiteral(replacement, quote: true)}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, rewritten))),
                    nameof(ReplaceLiteralCodeFix)),
                diagnostic);
        }
    }
}
