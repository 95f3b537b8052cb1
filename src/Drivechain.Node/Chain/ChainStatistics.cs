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
}
