namespace Drivechain.Cli.Replay;

/// <summary>The engine the <c>replay</c> command uses unless a test supplies another.</summary>
internal static class ReplayEngines
{
    /// <summary>The full pipeline (base validation + drivechain rules).</summary>
    public static IReplayEngineFactory Default { get; } = new ChainReplayEngineFactory();
}
