using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP301 M7 — BMM accept: tag <c>d1617368</c> ‖ slot ‖ sidechain block commitment h* (raw bytes).
/// Spec §2.1, §4.3.5, §6.
/// </summary>
/// <param name="Slot">The sidechain slot (need not be active).</param>
/// <param name="SidechainBlockHash">The commitment H, raw bytes as carried.</param>
public sealed record M7BmmAccept(byte Slot, UInt256 SidechainBlockHash) : CoinbaseMessage
{
    /// <summary>The tag as a big-endian integer.</summary>
    public const uint TagValue = 0xd1617368;

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        var payload = Payload(TagValue, 33, out var body);
        body[0] = Slot;
        SidechainBlockHash.WriteTo(body[1..]);
        return payload;
    }
}
