using System.Diagnostics;
using Drivechain.Testing;

namespace Drivechain.Native.Tests;

/// <summary>
/// Publishes libdrivechain once for the test run (NativeAOT, `dotnet publish -r linux-x64`; needs clang and zlib1g-dev,
/// which .ci/run installs) into a temporary folder, and runs external programs against it.
/// </summary>
public sealed class NativeLibraryFixture : IDisposable
{
    public NativeLibraryFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("libdrivechain-").FullName;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        Run("dotnet", RepositoryRoot.Path, "publish", Path.Combine(RepositoryRoot.Path, "src", "Drivechain.Native"),
            "-c", configuration, "-r", "linux-x64", "-o", Directory);
        LibraryPath = Path.Combine(Directory, "libdrivechain.so");
        if (!File.Exists(LibraryPath)) throw new FileNotFoundException($"the NativeAOT publish made no {LibraryPath}");
    }

    public string Directory { get; }

    public string LibraryPath { get; }

    /// <summary>Runs a program to completion; throws with its output when it exits non-zero (unless allowed).</summary>
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10))) throw new TimeoutException($"{fileName} did not finish");
        var output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0 && fileName == "dotnet")
            throw new InvalidOperationException($"{fileName} {string.Join(' ', args)} failed with {process.ExitCode}:\n{output}");
        return (process.ExitCode, output);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
