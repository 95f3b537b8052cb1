namespace Drivechain.Node.P2P.Sync;

/// <summary>A peer the <see cref="BlockDownloadScheduler"/> wants disconnected, and why (Core's log wording).</summary>
public sealed record StalledPeer(long PeerId, string Reason);
