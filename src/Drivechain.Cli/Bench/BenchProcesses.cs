using System.Globalization;
using System.Text.RegularExpressions;

namespace Drivechain.Cli.Bench;

/// <summary>What the whole-process benchmarks share: how to start this same <c>drivechain</c>, Core's arguments, heights from logs, the table.</summary>
internal static partial class BenchProcesses
{
    /// <summary>Core options that keep a benchmark's bitcoind quiet, offline and free of debug-only checks.</summary>
    public static readonly string[] QuietCore = ["-dnsseed=0", "-fixedseeds=0", "-printtoconsole=0", "-checkblockindex=0", "-checkmempool=0"];

    /// <summary>How to start this same <c>drivechain</c> (the native executable or apphost, or <c>dotnet drivechain.dll</c>).</summary>
    public static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        if (!Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.Ordinal)) return [process];
        return [process, Path.Combine(AppContext.BaseDirectory, "drivechain.dll")];
    }

    /// <summary>The last height a log reports with <paramref name="pattern"/> (group 1), or null.</summary>
    public static int? LastHeight(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        return matches.Count == 0 ? null : int.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The height Core's debug.log last reached in <paramref name="dataDir"/> (null when there is no log).</summary>
    public static async Task<int?> CoreHeightAsync(string dataDir, string network, CancellationToken cancellationToken)
    {
        var debugLog = Path.Combine(dataDir, network, "debug.log");
        return File.Exists(debugLog) ? LastHeight(CoreUpdateTip(), await File.ReadAllTextAsync(debugLog, cancellationToken)) : null;
    }

    /// <summary>Prints the runs and, for each of ours, the ratios to <paramref name="core"/>.</summary>
    public static void Print(TextWriter output, IReadOnlyList<MeasuredRun> runs, MeasuredRun? core)
    {
        output.WriteLine();
        output.WriteLine($"{"run",-36} {"wall s",8} {"user s",8} {"sys s",7} {"peak RSS MB",12} {"height",7} {"exit",5}");
        foreach (var r in runs)
            output.WriteLine($"{r.Name,-36} {r.WallSeconds,8:F2} {r.UserSeconds,8:F2} {r.SystemSeconds,7:F2} {r.PeakRssMb,12:F1} {r.Height?.ToString(CultureInfo.InvariantCulture) ?? "-",7} {r.ExitCode,5}");
        if (core is null)
        {
            output.WriteLine("(no bitcoind: give --bitcoind or set BITCOIND for the side-by-side ratios)");
            return;
        }
        output.WriteLine();
        foreach (var ours in runs.Where(r => r != core))
            output.WriteLine($"{ours.Name} / Core: wall {ours.WallSeconds / core.WallSeconds:F2}x, user CPU {ours.UserSeconds / core.UserSeconds:F2}x, peak RSS {ours.PeakRssMb / core.PeakRssMb:F2}x");
    }

    [GeneratedRegex(@"UpdateTip: new best=\w+ height=(\d+)")]
    public static partial Regex CoreUpdateTip();
}
