namespace Drivechain.Cli.Replay;

/// <summary>The engine the <c>replay</c> command uses unless a test supplies another.</summary>
internal static class ReplayEngines
{
    /// <summary>The full pipeline (base validation + drivechain rules).</summary>
    public static IReplayEngineFactory Default { get; } = new UnavailableEngineFactory();

    private sealed class UnavailableEngineFactory : IReplayEngineFactory
    {
        public bool TryCreate(VectorParams parameters, out IReplayEngine? engine, out string? error)
        {
            engine = null;
            error = "no validation engine is built into this version";
            return false;
        }
    }
}
