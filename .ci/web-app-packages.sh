#!/usr/bin/env bash
# The packages as a new user meets them: packs every packable project of the solution, creates a `dotnet new web`
# app outside the repository, references every package from that local folder through the app's own nuget.config
# and its own packages folder (never the global cache), registers MetricsModule through
# Autofac.Extensions.DependencyInjection with the README's web-app Program.cs (UseRequestMetrics, MapMetricsEndpoint),
# builds the app and runs it once in a check mode: real requests on a loopback port, then a scrape of /metrics.
#
# Fails when
# - a package's dependency group for netX.Y asks for a Microsoft.Extensions.* or System.* version of a later major
#   (a library depends on the lowest versions it needs: the line that ships with its target framework);
# - the app's bin holds a Microsoft.Extensions.* or System.* assembly that the installed Microsoft.AspNetCore.App or
#   Microsoft.NETCore.App shared framework already provides (a copy in bin overrides the host's own);
# - the app does not build, or its request counts and a [MetricsTimer] call are not in its /metrics exposition;
# - the timed component the app resolves is not the decorator the package's source generator wrote for it;
# - the compile-time checks do not ship inside Interception.Metrics: its package lacks
#   analyzers/dotnet/cs/Interception.Metrics.Generators.dll, the app's own build reports an INTM diagnostic, or a
#   file of deliberate [MetricsTimer] misuses added afterwards (one incremental compile) does not get each one.
#
# Takes 1 to 3 minutes on 2 shared cores (measured 73 to 198 s): the libraries are built cold in a folder of their
# own, so the repository's bin/obj are left alone. Set WEB_APP_PACKAGES_KEEP=1 to keep the work folder for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"

work="$(mktemp -d)"
if [ "${WEB_APP_PACKAGES_KEEP:-}" = "1" ]; then
  echo "web-app-packages: work folder $work (kept)"
else
  trap 'rm -rf "$work"' EXIT
fi
feed="$work/feed"
app="$work/app"
started=$(date +%s)

say() { echo "web-app-packages: $*"; }

# 1. Pack. The solution's Pack target skips projects that are not packable, so this builds only the libraries
#    (and what they reference), into a build folder of its own.
version_suffix="webapp.$(date -u +%Y%m%d%H%M%S)"
dotnet pack "$repo/Interception.sln" -c Release --nologo -v quiet -o "$feed" \
  -p:UseArtifactsOutput=true -p:ArtifactsPath="$work/build" -p:VersionSuffix="$version_suffix"

shopt -s nullglob
packages=("$feed"/*.nupkg)
if [ "${#packages[@]}" -eq 0 ]; then
  say "no package was produced" >&2
  exit 1
fi

# 2. What each package asks for, and the floor rule.
say "packed ${#packages[@]} packages; their dependencies:"
floor_problems=()
references=""
for package in "${packages[@]}"; do
  nuspec="$(unzip -p "$package" '*.nuspec')"
  id="$(sed -n 's:.*<id>\(.*\)</id>.*:\1:p' <<<"$nuspec" | head -n 1)"
  version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' <<<"$nuspec" | head -n 1)"
  echo "  $id $version"
  group=""
  while IFS= read -r line; do
    if [[ "$line" =~ \<group\ targetFramework=\"([^\"]*)\" ]]; then
      group="${BASH_REMATCH[1]}"
      echo "    [$group]"
    elif [[ "$line" =~ \<dependency\ id=\"([^\"]*)\"\ version=\"([^\"]*)\" ]]; then
      dependency="${BASH_REMATCH[1]}"
      dependency_version="${BASH_REMATCH[2]}"
      echo "      $dependency $dependency_version"
      if [[ "$dependency" =~ ^(Microsoft\.Extensions\.|System\.) && "$group" =~ ^net([0-9]+)\.([0-9]+)$ ]]; then
        framework_major="${BASH_REMATCH[1]}"
        dependency_major="${dependency_version%%.*}"
        dependency_major="${dependency_major#[}"
        if [ "$dependency_major" -gt "$framework_major" ]; then
          floor_problems+=("$id -> $dependency $dependency_version for $group")
        fi
      fi
    fi
  done <<<"$nuspec"
  references+="    <PackageReference Include=\"$id\" Version=\"$version\" />"$'\n'
done

# 3. A new web app, outside the repository (so none of its Directory.*.props apply), with its own nuget.config
#    (the local folder next to the user's own sources) and its own packages folder.
autofac_di_version="$(sed -n 's:.*Include="Autofac.Extensions.DependencyInjection" Version="\([^"]*\)".*:\1:p' "$repo/Directory.Packages.props")"
dotnet new web -o "$app" -n PackageConsumer --framework net10.0 --no-restore >/dev/null
cat >"$app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="packages" />
  </config>
  <packageSources>
    <add key="interception-local" value="$feed" />
  </packageSources>
</configuration>
EOF
cat >"$app/Packages.targets" <<EOF
<Project>
  <ItemGroup>
$references    <PackageReference Include="Autofac.Extensions.DependencyInjection" Version="$autofac_di_version" />
  </ItemGroup>
</Project>
EOF
sed -i 's:</Project>:  <Import Project="Packages.targets" />\n</Project>:' "$app/PackageConsumer.csproj"
cat >"$app/Program.cs" <<'EOF'
// The README's "Web applications" Program.cs, plus timed components and a check mode.
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Interception.Metrics;

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
builder.Host.ConfigureContainer<ContainerBuilder>(container =>
{
    container.RegisterModule(new MetricsModule(builder.Configuration));
    container.RegisterType<Greeter>().As<IGreeter>();
    container.RegisterDecorator<LoudGreeter, IGreeter>();
});

var app = builder.Build();
app.UseRequestMetrics();
app.MapMetricsEndpoint();

app.MapGet("/orders/{id:int}", (int id) => new { id });
app.MapGet("/hello", (IGreeter greeter) => greeter.Hello());

if (!args.Contains("--check"))
{
    app.Run();
    return 0;
}

// Check mode: real Kestrel on a free loopback port, real requests and timed calls of every return family through the
// generated decorators, then the scrape a Prometheus would make.
app.Urls.Add("http://127.0.0.1:0");
await app.StartAsync();
using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
foreach (var path in (string[])["/orders/7", "/orders/8", "/hello", "/no/such/page"])
{
    using var response = await client.GetAsync(path);
}

var greeter = app.Services.GetRequiredService<IGreeter>();
await greeter.HelloAsync();
await greeter.CountAsync();
await foreach (var _ in greeter.StreamAsync())
{
}

var exposition = await client.GetStringAsync("/metrics");
await app.StopAsync();
var version = args.SkipWhile(a => a != "--expect-version").Skip(1).FirstOrDefault() ?? "1.0.0";
string[] expected =
[
    "http_requests_total{method=\"GET\",endpoint=\"/orders/{id:int}\",status=\"200\"} 2",
    "http_requests_total{method=\"GET\",endpoint=\"/hello\",status=\"200\"} 1",
    "http_requests_total{method=\"GET\",endpoint=\"unmatched\",status=\"404\"} 1",
    "function_calls_total{function=\"Greeter.Hello\",status=\"success\"} 1",
    "function_calls_total{function=\"LoudGreeter.Hello\",status=\"success\"} 1",
    "function_calls_total{function=\"Greeter.HelloAsync\",status=\"success\"} 1",
    "function_calls_total{function=\"Greeter.CountAsync\",status=\"success\"} 1",
    "function_calls_total{function=\"Greeter.StreamAsync\",status=\"success\"} 1",
    $"app_info{{version=\"{version}\",environment=\"Production\"}} 1",
];
var lines = exposition.Split('\n');
var missing = expected.Where(e => !lines.Contains(e)).ToArray();
foreach (var line in expected)
{
    Console.WriteLine($"{(missing.Contains(line) ? "missing" : "found  ")} {line}");
}

// The source generator in the package wrote this app's decorators, and the module used them rather than Castle.
var generated = greeter is Interception.Metrics.Timing.Decorators.ITimingDecorator { DecoratedTarget: LoudGreeter }
    && greeter.GetType().FullName!.StartsWith("Interception.Metrics.Generated.", StringComparison.Ordinal);
Console.WriteLine($"{(generated ? "found  " : "missing")} generated decorator: {greeter.GetType().FullName}");

return missing.Length == 0 && generated ? 0 : 1;

public interface IGreeter
{
    [MetricsTimer]
    string Hello();

    [MetricsTimer]
    Task<string> HelloAsync();

    [MetricsTimer]
    ValueTask<int> CountAsync();

    [MetricsTimer]
    IAsyncEnumerable<int> StreamAsync();
}

public sealed class Greeter : IGreeter
{
    public string Hello() => "hello";

    public async Task<string> HelloAsync()
    {
        await Task.Yield();
        return "hello";
    }

    public async ValueTask<int> CountAsync()
    {
        await Task.Yield();
        return 1;
    }

    public async IAsyncEnumerable<int> StreamAsync()
    {
        await Task.Yield();
        yield return 1;
    }
}

// A decorator with its own timer: the call through it is recorded under both names.
public sealed class LoudGreeter(IGreeter inner) : IGreeter
{
    [MetricsTimer]
    public string Hello() => inner.Hello().ToUpperInvariant();

    public Task<string> HelloAsync() => inner.HelloAsync();

    public ValueTask<int> CountAsync() => inner.CountAsync();

    public IAsyncEnumerable<int> StreamAsync() => inner.StreamAsync();
}
EOF

# A version of its own, so that app_info{version} is checked against what the project file says.
app_version="1.2.3-check"
build_log="$work/build.log"
(cd "$app" && dotnet build -c Release --nologo -v quiet -p:Version="$app_version") 2>&1 | tee "$build_log"
if [ -d "$app/packages" ] && [ -n "$(ls -A "$app/packages")" ]; then
  say "restored into the app's own packages folder:"
  for id in "$app/packages"/*/; do
    echo "  $(basename "$id") $(ls "$id" | tr '\n' ' ')"
  done
else
  say "the app did not restore into its own packages folder" >&2
  exit 1
fi
bin="$app/bin/Release/net10.0"
(cd "$app" && ASPNETCORE_ENVIRONMENT=Production dotnet "$bin/PackageConsumer.dll" --check --expect-version "$app_version")

# 4. The bin against the shared frameworks the app runs on.
shared_dir() {
  dotnet --list-runtimes | awk -v name="$1" '$1 == name && $2 ~ /^10\./ { gsub(/[\[\]]/, "", $3); print $3 "/" $2 }' | sort -V | tail -n 1
}
aspnetcore="$(shared_dir Microsoft.AspNetCore.App)"
netcore="$(shared_dir Microsoft.NETCore.App)"
if [ -z "$aspnetcore" ] || [ -z "$netcore" ]; then
  say "the Microsoft.AspNetCore.App and Microsoft.NETCore.App 10.0 shared frameworks are needed" >&2
  exit 1
fi

say "Microsoft.Extensions.* and System.* assemblies in the app's bin:"
found=("$bin"/Microsoft.Extensions.*.dll "$bin"/System.*.dll)
[ "${#found[@]}" -gt 0 ] || echo "  (none)"
shadowing=()
for dll in "${found[@]}"; do
  name="$(basename "$dll")"
  where=""
  [ -f "$aspnetcore/$name" ] && where="Microsoft.AspNetCore.App"
  [ -f "$netcore/$name" ] && where="Microsoft.NETCore.App"
  if [ -n "$where" ]; then
    echo "  $name  <- also in the shared framework $where"
    shadowing+=("$name")
  else
    echo "  $name"
  fi
done

# 5. The compile-time checks, from the package alone: the app above built without any, and deliberate misuses in one
#    more file (an incremental compile) each get theirs.
analyzer_problems=()
core_package=("$feed"/Interception.Metrics.[0-9]*.nupkg)
for dll in Interception.Metrics.Generators.dll Interception.Metrics.Generators.CodeFixes.dll; do
  unzip -l "${core_package[0]}" "analyzers/dotnet/cs/$dll" >/dev/null || analyzer_problems+=("$(basename "${core_package[0]}") has no analyzers/dotnet/cs/$dll")
done
if grep -q 'INTM[0-9]' "$build_log"; then
  analyzer_problems+=("the app's own build reported $(grep -o 'INTM[0-9]*' "$build_log" | sort -u | tr '\n' ' ')")
fi
cat >"$app/Misuse.cs" <<'EOF'
// Deliberate misuses: each line marked with an ID must get that diagnostic from the analyzer in the package.
using Interception.Metrics;

public interface IMisused
{
    void Run();
}

public sealed class Misused : IMisused
{
    public void Run() { }

    [MetricsTimer] // INTM001
    public void NotOnTheInterface() { }

    [MetricsTimer] // INTM002
    private void Hidden() { }
}

public sealed class SelfOnly // INTM004
{
    [MetricsTimer]
    public void Work() { }
}

public interface ILabelled
{
    [MetricsTimer(Labels = ["team:core"])] // INTM006
    void Run();

    [MetricsTimer(MetricKind.Database, HttpMethod = "POST")] // INTM009
    void Query();
}
EOF
misuse_log="$work/misuse.log"
(cd "$app" && dotnet build -c Release --nologo -v quiet --no-restore -p:Version="$app_version" -p:TreatWarningsAsErrors=false) >"$misuse_log" 2>&1 || true
say "deliberate misuses, as the analyzer in the package reports them:"
while IFS=: read -r line id; do
  if grep -q "Misuse.cs($line,[0-9]*): warning $id" "$misuse_log"; then
    echo "  found   $id at Misuse.cs line $line"
  else
    echo "  missing $id at Misuse.cs line $line"
    analyzer_problems+=("$id not reported at Misuse.cs line $line")
  fi
done < <(grep -n '// INTM' "$app/Misuse.cs" | sed -n 's|^\([0-9]*\):.*// \(INTM[0-9]*\)$|\1:\2|p')

status=0
if [ "${#analyzer_problems[@]}" -gt 0 ]; then
  say "the compile-time checks do not ship as they should:" >&2
  printf '  %s\n' "${analyzer_problems[@]}" >&2
  grep 'INTM' "$misuse_log" >&2 || true
  status=1
fi
if [ "${#floor_problems[@]}" -gt 0 ]; then
  say "packages ask for versions above their target framework's line:" >&2
  printf '  %s\n' "${floor_problems[@]}" >&2
  status=1
fi
if [ "${#shadowing[@]}" -gt 0 ]; then
  say "${#shadowing[@]} assemblies in bin shadow the shared framework ($aspnetcore, $netcore)" >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  say "ok: ${#packages[@]} packages, no framework assembly in bin, the analyzers and the decorator generator ship in Interception.Metrics ($(($(date +%s) - started)) s)"
else
  say "failed ($(($(date +%s) - started)) s)" >&2
fi
exit "$status"
