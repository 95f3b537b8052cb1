using System.Diagnostics;
using System.Globalization;

namespace Drivechain.Cli.Bench;

/// <summary>
/// Runs a child process under GNU time (<c>/usr/bin/time</c>, Debian package <c>time</c>), which reports the child's
/// exact wall time, user and system CPU time and peak RSS after it exits.
/// </summary>
internal static class ProcessMeter
{
    /// <summary>Where GNU time is expected.</summary>
    public const string TimePath = "/usr/bin/time";

    /// <summary>True when GNU time is installed.</summary>
    public static bool IsAvailable => File.Exists(TimePath);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; its output goes to <paramref name="logPath"/>.</summary>
    public static async Task<(double Wall, double User, double System, long PeakRssKb, int ExitCode)> RunAsync(
        string fileName, IEnumerable<string> arguments, string logPath, CancellationToken cancellationToken)
    {
        var report = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(TimePath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-f", "%e %U %S %M", "-o", report, fileName }.Concat(arguments)) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {TimePath}");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await File.WriteAllTextAsync(logPath, await stdout + await stderr, cancellationToken);
            // GNU time writes "Command exited with non-zero status N" before the figures when the child fails.
            var line = (await File.ReadAllLinesAsync(report, cancellationToken)).Last(l => l.Length > 0);
            var parts = line.Split(' ');
            double Number(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
            return (Number(0), Number(1), Number(2), long.Parse(parts[3], CultureInfo.InvariantCulture), process.ExitCode);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
