using System;

namespace Interception.Metrics.Generators.Decorators;

/// <summary>The generated source of one decorator: equal when the text is, so unchanged classes are not written again.</summary>
internal sealed class DecoratorSource(string hintName, string factoryTypeName, string source) : IEquatable<DecoratorSource>
{
    public string HintName { get; } = hintName;

    /// <summary>The fully qualified name of the decorator's factory, for the registry.</summary>
    public string FactoryTypeName { get; } = factoryTypeName;

    public string Source { get; } = source;

    public bool Equals(DecoratorSource? other) =>
        other is not null && HintName == other.HintName && FactoryTypeName == other.FactoryTypeName && Source == other.Source;

    public override bool Equals(object? obj) => Equals(obj as DecoratorSource);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Source);
}
