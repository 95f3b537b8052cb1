using System.CommandLine;
using Drivechain.Cli.Bench;
using Drivechain.Cli.Replay;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Cli.Commands;

/// <summary>
/// <c>drivechain bench import|ibd &lt;vector.json&gt; [--bitcoind PATH] [--workdir DIR]</c>: times our replay, our node's
/// <c>--loadblock</c> import and Bitcoin Core's <c>-loadblock</c> import of the same blocks, or initial block download over
/// P2P from one Core by our node and by a second Core, side by side (see docs/performance.md).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var vector = new Argument<string>("vector") { Description = "A drivechain-vectors/1 file (e.g. one made by replay-gen)." };
        var bitcoind = new Option<string>("--bitcoind") { Description = "Bitcoin Core's bitcoind (default: $BITCOIND, else ../shared/bin/bitcoind when present)" };
        var workDir = new Option<string>("--workdir") { Description = "Where the block file, data directories and logs go (default: a new temp folder)" };
        var import = new Command("import", "Import the same blocks with our replay, our --loadblock and Core's -loadblock; print wall, CPU, peak RSS and ratios")
        {
            vector, bitcoind, workDir,
        };
        import.SetAction(async (parse, token) => await RunAsync(Mode.Import, parse.GetRequiredValue(vector), parse.GetValue(bitcoind),
            parse.GetValue(workDir), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token));
        var ibd = new Command("ibd", "Serve the blocks from one Bitcoin Core; time initial block download over P2P by our node and by a second Core")
        {
            vector, bitcoind, workDir,
        };
        ibd.SetAction(async (parse, token) => await RunAsync(Mode.Ibd, parse.GetRequiredValue(vector), parse.GetValue(bitcoind),
            parse.GetValue(workDir), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, token));
        return new Command("bench", "Benchmarks of whole processes (import and sync speed and memory, side by side with Bitcoin Core)") { import, ibd };
    }

    /// <summary>Which whole-process benchmark.</summary>
    public enum Mode
    {
        /// <summary>Our replay, our --loadblock and Core's -loadblock of the same blocks.</summary>
        Import,

        /// <summary>Initial block download over P2P from one Core: ours vs a second Core.</summary>
        Ibd,
    }

    public static async Task<int> RunAsync(Mode mode, string vectorPath, string? bitcoind, string? workDir, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        if (!ProcessMeter.IsAvailable)
        {
            await error.WriteLineAsync($"error: bench needs GNU time at {ProcessMeter.TimePath} (Debian: apt-get install time)");
            return 1;
        }
        if (!File.Exists(vectorPath))
        {
            await error.WriteLineAsync($"error: no such vector file: {vectorPath}");
            return 1;
        }
        if (!VectorReader.TryRead(await File.ReadAllBytesAsync(vectorPath, cancellationToken), Path.GetFileNameWithoutExtension(vectorPath),
                out var vector, out var problem))
        {
            await error.WriteLineAsync($"error: {vectorPath}: {problem}");
            return 1;
        }
        bitcoind ??= FindBitcoind();
        if (bitcoind is not null && !File.Exists(bitcoind))
        {
            await error.WriteLineAsync($"error: no bitcoind at {bitcoind}");
            return 1;
        }
        if (mode == Mode.Ibd && bitcoind is null)
        {
            await error.WriteLineAsync("error: bench ibd needs Bitcoin Core to serve the blocks (--bitcoind or BITCOIND)");
            return 1;
        }
        var directory = workDir ?? Directory.CreateTempSubdirectory("drivechain-bench-").FullName;
        Directory.CreateDirectory(directory);
        var runs = mode == Mode.Import
            ? await new ImportBenchmark(directory, output).RunAsync(Path.GetFullPath(vectorPath), vector!, bitcoind, cancellationToken)
            : await new IbdBenchmark(directory, output).RunAsync(vector!, bitcoind!, cancellationToken);
        return runs.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    private static string? FindBitcoind()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BITCOIND");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "bin", "bitcoind");
            if (File.Exists(Path.Combine(dir.FullName, "Drivechain.sln")) && File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
