namespace Drivechain.Cli.Replay;

/// <summary>Creates a fresh engine for a vector's parameters; an unusable parameter set is an error value.</summary>
internal interface IReplayEngineFactory
{
    /// <summary>A fresh in-memory engine, or false with a message (e.g. an unknown network).</summary>
    bool TryCreate(VectorParams parameters, out IReplayEngine? engine, out string? error);
}
