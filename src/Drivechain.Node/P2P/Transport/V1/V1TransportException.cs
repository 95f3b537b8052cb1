namespace Drivechain.Node.P2P.Transport.V1;

/// <summary>A v1 framing violation (wrong magic, bad checksum, oversized or malformed header): drop the connection.</summary>
public sealed class V1TransportException(string message) : IOException(message);
