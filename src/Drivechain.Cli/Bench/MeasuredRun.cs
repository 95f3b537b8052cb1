namespace Drivechain.Cli.Bench;

/// <summary>One timed child process: wall and CPU seconds, peak resident memory, and the chain height it reached.</summary>
internal sealed record MeasuredRun(string Name, double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssKb,
    int? Height, int ExitCode)
{
    /// <summary>Peak RSS in MB.</summary>
    public double PeakRssMb => PeakRssKb / 1024.0;
}
