namespace Drivechain.Node.Chain;

/// <summary>Cumulative counters of the chain manager (time in stopwatch ticks of <see cref="System.Diagnostics.Stopwatch"/>).</summary>
public readonly record struct ChainStatistics(
    long BlocksConnected, long BlocksDisconnected, long InputsConnected, long TransactionsConnected,
    long BaseRuleTicks, long DrivechainRuleTicks, long FlushTicks, int Flushes)
{
    /// <summary>Seconds spent in the base rules (ConnectBlock, including scripts).</summary>
    public double BaseRuleSeconds => (double)BaseRuleTicks / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Seconds spent in the drivechain rules (connect and disconnect).</summary>
    public double DrivechainRuleSeconds => (double)DrivechainRuleTicks / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Seconds spent flushing to disk.</summary>
    public double FlushSeconds => (double)FlushTicks / System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Undo data written between flushes (<see cref="ChainManagerOptions.UndoSpillBytes"/>): how many times.</summary>
    public int UndoWrites { get; init; }

    /// <summary>Time spent in those writes, in stopwatch ticks.</summary>
    public long UndoWriteTicks { get; init; }

    /// <summary>Seconds spent writing undo data between flushes.</summary>
    public double UndoWriteSeconds => (double)UndoWriteTicks / System.Diagnostics.Stopwatch.Frequency;
}
