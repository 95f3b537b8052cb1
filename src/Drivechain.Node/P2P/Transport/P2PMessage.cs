namespace Drivechain.Node.P2P.Transport;

/// <summary>One received P2P message: its command ("version", "block", …) and payload.</summary>
public sealed record P2PMessage(string Command, byte[] Payload);
