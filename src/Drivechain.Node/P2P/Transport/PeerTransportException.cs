namespace Drivechain.Node.P2P.Transport;

/// <summary>The peer broke the framing (bad magic, bad checksum, oversized or truncated message): drop it.</summary>
public sealed class PeerTransportException(string message) : Exception(message);
