using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// The deposit address output of an M5: <c>6a</c> + exactly one push (any push form; <c>00</c> = empty
/// address) and nothing else. The bytes are opaque to mainchain. Spec §2.3.
/// </summary>
public static class DepositAddress
{
    /// <summary>The honest encoding (minimal push).</summary>
    public static Script Create(ReadOnlySpan<byte> address) => new(OpReturnPush.Encode(address));

    /// <summary>True (with the address bytes) when <paramref name="script"/> is an address output.</summary>
    public static bool TryParse(ReadOnlySpan<byte> script, out ReadOnlySpan<byte> address) =>
        OpReturnPush.TryGetPayload(script, out address);
}
