namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP300 M3 — propose a withdrawal bundle: tag <c>d45aa943</c> ‖ slot ‖ M6ID (slot first, §11 #4).
/// Spec §2.1, §4.3.3.
/// </summary>
/// <param name="Slot">The sidechain slot.</param>
/// <param name="M6Id">The blinded txid of the bundle.</param>
public sealed record M3ProposeBundle(byte Slot, M6Id M6Id) : CoinbaseMessage
{
    /// <summary>The tag as a big-endian integer.</summary>
    public const uint TagValue = 0xd45aa943;

    /// <inheritdoc />
    public override byte[] ToPayload()
    {
        var payload = Payload(TagValue, 33, out var body);
        body[0] = Slot;
        M6Id.Hash.WriteTo(body[1..]);
        return payload;
    }
}
