using Xunit.Sdk;

namespace Interception.Metrics.Prometheus.Tests.Integration;

public sealed class ExternalToolTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("interception-tool-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Find_MissingOnDeveloperMachine_SkipsTheTestAndSaysHowToInstall()
    {
        var exception = Assert.Throws<Xunit.SkipException>(() => ExternalTool.Find("promtool", [_directory], ci: null));

        Assert.Contains("'promtool' was not found on PATH", exception.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y prometheus", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_MissingOnCi_FailsTheTest()
    {
        var exception = Assert.Throws<FailException>(() => ExternalTool.Find("promtool", [_directory], ci: "true"));

        Assert.Contains("CI=true", exception.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y prometheus", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Present_ReturnsItsPath()
    {
        var tool = Path.Combine(_directory, "promtool");
        File.WriteAllText(tool, string.Empty);

        Assert.Equal(tool, ExternalTool.Find("promtool", [_directory], ci: "true"));
    }
}
