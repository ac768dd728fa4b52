using Interception.Metrics.Prometheus.Tests.TestSupport;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Interception.Metrics.Prometheus.Tests.Integration;

public sealed class ExternalToolTests : IDisposable
{
    private readonly RecordingOutput _output = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("interception-tool-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Find_MissingOnDeveloperMachine_ReturnsNullAndSaysHowToInstall()
    {
        var path = ExternalTool.Find("promtool", _output, [_directory], ci: null);

        Assert.Null(path);
        Assert.Contains("apt-get install -y prometheus", _output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_MissingOnCi_FailsTheTest()
    {
        var exception = Assert.Throws<FailException>(() => ExternalTool.Find("promtool", _output, [_directory], ci: "true"));

        Assert.Contains("CI=true", exception.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y prometheus", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Present_ReturnsItsPath()
    {
        var tool = Path.Combine(_directory, "promtool");
        File.WriteAllText(tool, string.Empty);

        Assert.Equal(tool, ExternalTool.Find("promtool", _output, [_directory], ci: "true"));
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly List<string> _lines = [];

        public string Text => string.Join(Environment.NewLine, _lines);

        public void WriteLine(string message) => _lines.Add(message);

        public void WriteLine(string format, params object[] args) => _lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
