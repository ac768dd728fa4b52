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

// Local packs get a unique pre-release version (0.1.0-dev.20261201103945, UTC), so a re-pack is never hidden by a
// package of the same version in the NuGet global cache. --version-suffix=rc.1 sets another; --release packs 0.1.0.
Task("Pack")
    .Does(() =>
{
    var versionSuffix = HasArgument("release")
        ? string.Empty
        : Argument("version-suffix", "dev." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture));

    // Packing the solution builds and packs only the packable projects (the libraries), with this version.
    DotNetPack(solution, new DotNetPackSettings
    {
        Configuration = configuration,
        OutputDirectory = artifacts,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("VersionSuffix", versionSuffix),
    });

    var packed = versionSuffix.Length > 0 ? "/*-" + versionSuffix + ".nupkg" : "/*.nupkg";
    foreach (var package in GetFiles(artifacts.Path.FullPath + packed))
    {
        Information("Packed {0}", package.GetFilename());
    }
});

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
