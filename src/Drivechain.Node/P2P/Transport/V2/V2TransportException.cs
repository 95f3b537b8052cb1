namespace Drivechain.Node.P2P.Transport.V2;

/// <summary>
/// A BIP324 session failed (bad MAC, no garbage terminator within 4095 bytes, oversized packet, closed stream):
/// the connection must be dropped. <see cref="RetryAsV1"/> is true when we initiated and the peer closed the
/// connection before sending any byte, which is how a v1-only peer reacts to our key; Bitcoin Core then
/// reconnects with v1, and so should the caller.
/// </summary>
public sealed class V2TransportException(string message, bool retryAsV1 = false, Exception? inner = null)
    : IOException(message, inner)
{
    /// <summary>True when an outbound attempt should be retried with the v1 transport.</summary>
    public bool RetryAsV1 { get; } = retryAsV1;
}
