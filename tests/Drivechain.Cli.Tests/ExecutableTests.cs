using System.Diagnostics;
using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests;

/// <summary>The built <c>drivechain</c> executable run as a child process.</summary>
public class ExecutableTests
{
    internal static (int ExitCode, string Output, string Error) RunExecutable(params string[] args)
    {
        // The apphost `drivechain` (drivechain.exe on Windows) is copied next to the tests with drivechain.dll.
        var host = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "drivechain.exe" : "drivechain");
        File.Exists(host).Should().BeTrue($"the executable is built next to the tests ({host})");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue("the process finishes");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Replaying_the_drivechain_vectors_in_a_child_process_passes_them_all_and_exits_0()
    {
        var folder = VectorPaths.Folder("drivechain");
        var count = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Length;

        var (exitCode, output, _) = RunExecutable("replay", folder);

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be($"{count} passed, 0 failed");
        exitCode.Should().Be(0);
    }

    [Fact]
    public void A_failing_replay_in_a_child_process_exits_1()
    {
        var (exitCode, output, _) = RunExecutable("replay", Path.Combine(Path.GetTempPath(), "no-such-vector-" + Guid.NewGuid().ToString("N") + ".json"));

        output.Should().Contain("0 passed, 1 failed");
        exitCode.Should().Be(1);
    }
}
