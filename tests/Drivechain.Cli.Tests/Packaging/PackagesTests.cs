using System.Diagnostics;
using System.Xml.Linq;
using Drivechain.Testing;
using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests.Packaging;

/// <summary>
/// The NuGet packages as an embedder gets them: packed from this build into a local folder feed, restored from that
/// feed alone into a fresh project (an isolated package folder, so no stale copy is used), and run on the public vectors.
/// </summary>
public sealed class PackagesTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("drivechain-packages-").FullName;

    private string Feed => Path.Combine(_work, "feed");

    private static string Version
    {
        get
        {
            var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
            return props.Descendants("VersionPrefix").Single().Value;
        }
    }

    [Fact]
    public void The_consensus_package_restored_from_a_folder_feed_replays_the_public_vectors_in_a_fresh_project()
    {
        Pack("src/Drivechain.Bitcoin");
        Pack("src/Drivechain.Consensus");
        var app = Directory.CreateDirectory(Path.Combine(_work, "app")).FullName;
        WriteNuGetConfig(app);
        File.WriteAllText(Path.Combine(app, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
              <ItemGroup><PackageReference Include="Drivechain.Consensus" Version="{Version}" /></ItemGroup>
            </Project>
            """);
        // Outside the repository, so its Directory.Build.props / Directory.Packages.props do not apply.
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System.Text.Json;
            using Drivechain.Bitcoin.Primitives;
            using Drivechain.Consensus;
            using Drivechain.Consensus.State;
            int passed = 0, failed = 0;
            foreach (var file in Directory.GetFiles(args[0], "*.json").Order())
            {
                using var json = JsonDocument.Parse(File.ReadAllBytes(file));
                var validator = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));
                var state = DrivechainState.Empty;
                bool ok = true;
                int height = 0;
                foreach (var entry in json.RootElement.GetProperty("blocks").EnumerateArray())
                {
                    var block = Block.Parse(Convert.FromHexString(entry.GetProperty("hex").GetString()!));
                    var expectAccept = entry.GetProperty("expect").GetString() == "accept";
                    var outcome = validator.Connect(state, block, height + 1);
                    if (outcome is ConnectOutcome.Accepted accepted) { state = accepted.State; height++; }
                    // A BASE rejection needs the base rules, which this library check leaves to the node.
                    bool baseOnly = !expectAccept && entry.TryGetProperty("code", out var code) && code.GetString() == "BASE";
                    if (!baseOnly && (outcome is ConnectOutcome.Accepted) != expectAccept) ok = false;
                }
                if (ok) passed++; else { failed++; Console.WriteLine($"FAIL {Path.GetFileName(file)}"); }
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
            """);

        Run("dotnet", app, "restore", "--packages", Path.Combine(_work, "packages"));
        var output = Run("dotnet", app, "run", "--no-restore", "--", VectorPaths.Folder("drivechain"));

        var count = Directory.GetFiles(VectorPaths.Folder("drivechain"), "*.json").Length;
        output.Should().Contain($"{count} passed, 0 failed");
        Directory.GetDirectories(Path.Combine(_work, "packages")).Select(Path.GetFileName)
            .Should().BeEquivalentTo("drivechain.bitcoin", "drivechain.consensus");
    }

    [Fact]
    public void The_cli_installs_as_a_dotnet_tool_from_the_feed_and_replays_the_public_vectors()
    {
        Pack("src/Drivechain.Cli");
        var tools = Path.Combine(_work, "tools");
        WriteNuGetConfig(_work);

        Run("dotnet", _work, "tool", "install", "Drivechain.Cli", "--version", Version, "--tool-path", tools);
        var output = Run(Path.Combine(tools, "drivechain"), _work, "replay", VectorPaths.Folder("drivechain"));

        var count = Directory.GetFiles(VectorPaths.Folder("drivechain"), "*.json").Length;
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be($"{count} passed, 0 failed");
    }

    private void Pack(string project) =>
        Run("dotnet", RepositoryRoot.Path, "pack", Path.Combine(RepositoryRoot.Path, project), "-c", Configuration, "--no-build", "-o", Feed);

    private void WriteNuGetConfig(string directory) =>
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="{Feed}" /></packageSources>
            </configuration>
            """);

    /// <summary>The configuration these tests were built with (the packed projects were built with it too).</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string Run(string fileName, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue($"{fileName} {string.Join(' ', args)} finishes");
        var output = stdout.Result + stderr.Result;
        process.ExitCode.Should().Be(0, $"{fileName} {string.Join(' ', args)} failed:\n{output}");
        return output;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
