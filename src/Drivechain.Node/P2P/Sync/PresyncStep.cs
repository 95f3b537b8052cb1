namespace Drivechain.Node.P2P.Sync;

/// <summary>What a <see cref="HeadersPresync"/> wants next after a headers message.</summary>
public enum PresyncStep
{
    /// <summary>Ask the peer for the headers after the last one it sent (getheaders from it).</summary>
    Continue,

    /// <summary>The chain reached the work threshold: ask again from our chain's locator and store what comes back.</summary>
    Redownload,

    /// <summary>Redownload reached the presynced chain's end: store normally from here on.</summary>
    Done,

    /// <summary>Give up on this peer's chain (low work, does not connect, or differs from what was presynced).</summary>
    Abandon,
}
