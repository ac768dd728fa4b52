// Build script: dotnet tool restore && dotnet cake [--target=Test] [--configuration=Release]
var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./Interception.sln";
var artifacts = Directory("./artifacts");

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
});

Task("Restore")
    .Does(() => DotNetRestore(solution));

Task("Build")
    .IsDependentOn("Restore")
    .Does(() => DotNetBuild(solution, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    }));

Task("Test")
    .IsDependentOn("Build")
    .Does(() => DotNetTest(solution, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
    }));

Task("Pack")
    .IsDependentOn("Build")
    .Does(() => DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        NoBuild = true,
        NoRestore = true,
        OutputDirectory = artifacts,
    }));

Task("Benchmark")
    .Does(() =>
{
    var project = "./benchmarks/Interception.Benchmarks/Interception.Benchmarks.csproj";
    if (!FileExists(project))
    {
        throw new CakeException("The benchmark suite is not in this checkout yet: " + project);
    }

    DotNetRun(project, new ProcessArgumentBuilder().Append("--filter").AppendQuoted("*").Append("--job").Append("short"),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Demo")
    .Does(() => DotNetRun("./src/Interception.Demo/Interception.Demo.csproj", new ProcessArgumentBuilder(),
        new DotNetRunSettings { Configuration = configuration }));

Task("Default")
    .IsDependentOn("Test");

RunTarget(target);
