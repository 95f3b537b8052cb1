namespace Drivechain.Node.P2P.Transport;

/// <summary>A received P2P message: its command and payload.</summary>
public sealed record PeerMessage(string Command, byte[] Payload);
