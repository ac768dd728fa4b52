namespace Interception.Demo.Tests.TestSupport;

/// <summary>One rule as <c>/api/v1/rules</c> reports it: its name, health (<c>ok</c>, <c>err</c>, <c>unknown</c>) and last error.</summary>
internal sealed record RuleHealth(string Name, string Health, string LastError)
{
    public override string ToString() => $"{Name}: {Health} {LastError}";
}
