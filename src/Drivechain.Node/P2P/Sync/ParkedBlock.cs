using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Sync;

/// <summary>A downloaded block whose parent has not arrived yet, and the peer that sent it.</summary>
public sealed record ParkedBlock(Block Block, long PeerId);
