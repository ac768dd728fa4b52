using Interception.Demo.Startup;

namespace Interception.Demo.Tests.Startup;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_EveryOptionForm_BecomesOneKeyValueArgumentForTheHost()
    {
        var parsed = CommandLine.Parse(
        [
            "--duration", "5", "--workers=8", "--no-load", "--data", "/tmp/demo data", "--seed", "-3",
            "--urls", "http://127.0.0.1:0", "--environment", "AllBackends",
            "--Metrics:Backends:StatsD:Enabled=true", "--Bot:WebhookSecret", "s3cret",
        ]);

        Assert.Equal(
            [
                "--Demo:Duration=5", "--Demo:Workers=8", "--Demo:Load=false", "--Demo:Data=/tmp/demo data", "--Demo:Seed=-3",
                "--urls=http://127.0.0.1:0", "--environment=AllBackends",
                "--Metrics:Backends:StatsD:Enabled=true", "--Bot:WebhookSecret=s3cret",
            ],
            parsed.HostArguments);
        Assert.Equal("AllBackends", parsed.Environment);
        Assert.False(parsed.ShowHelp);
    }

    [Fact]
    public void Parse_OptionNamesInAnyCase_AreTheSameOption()
    {
        var parsed = CommandLine.Parse(["--Duration", "2", "--NO-LOAD"]);

        Assert.Equal(["--Demo:Duration=2", "--Demo:Load=false"], parsed.HostArguments);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help_AsksForTheUsage(string argument) => Assert.True(CommandLine.Parse([argument]).ShowHelp);

    [Fact]
    public void Parse_NoArguments_NothingForTheHost()
    {
        var parsed = CommandLine.Parse([]);

        Assert.Empty(parsed.HostArguments);
        Assert.Null(parsed.Environment);
    }
}
