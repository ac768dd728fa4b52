using Interception.Demo.Startup;

namespace Interception.Demo.Tests.Startup;

public sealed class EnvironmentFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interception-demo-env-").FullName;

    public EnvironmentFilesTests()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(_folder, "appsettings.AllBackends.json"), "{}");
    }

    [Theory]
    [InlineData("AllBackends", true)]
    [InlineData("AllBackends", false)]
    [InlineData("Production", false)]
    [InlineData("Development", false)]
    public void Check_EnvironmentWithAFileOrAStandardNameFromTheEnvironment_Passes(string environment, bool fromCommandLine) =>
        EnvironmentFiles.Check(environment, fromCommandLine, _folder);

    [Theory]
    [InlineData("Development", true, "--environment")]
    [InlineData("allbackends", true, "--environment")]
    [InlineData("Staging2", false, "DOTNET_ENVIRONMENT or ASPNETCORE_ENVIRONMENT")]
    public void Check_EnvironmentWithoutAFile_ThrowsListingTheFilesAndEnvironments(string environment, bool fromCommandLine, string source)
    {
        var exception = Assert.Throws<CommandLineException>(() => EnvironmentFiles.Check(environment, fromCommandLine, _folder));

        Assert.Equal(
            $"Unknown environment '{environment}' ({(fromCommandLine ? source : "the environment variable " + source)}): there is no appsettings.{environment}.json. " +
            $"Files in {_folder}: appsettings.AllBackends.json, appsettings.json; environments: AllBackends.",
            exception.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
