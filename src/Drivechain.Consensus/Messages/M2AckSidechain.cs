using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M2 — ACK a sidechain proposal: tag <c>d6e1c5df</c> (enforcer's tag, §11 #1) ‖ slot ‖ sha256d(D).
/// Spec §2.1, §4.3.2.
/// </summary>
/// <param name="Slot">The proposal's slot.</param>
/// <param name="DescriptionHash">sha256d of the proposal's description, internal order.</param>
public sealed record M2AckSidechain(byte Slot, UInt256 DescriptionHash) : CoinbaseMessage
{
    /// <summary>The tag as a big-endian integer.</summary>
    public const uint TagValue = 0xd6e1c5df;

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        var payload = Payload(TagValue, 33, out var body);
        body[0] = Slot;
        DescriptionHash.WriteTo(body[1..]);
        return payload;
    }
}
