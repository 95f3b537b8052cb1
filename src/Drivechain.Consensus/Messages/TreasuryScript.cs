using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// The treasury script <c>b4 01 S 51</c> (<c>OP_DRIVECHAIN OP_PUSHBYTES_1 S OP_TRUE</c>), exactly 4 bytes.
/// Spec §2.2: any other form is not a treasury script.
/// </summary>
public static class TreasuryScript
{
    /// <summary>OP_DRIVECHAIN (OP_NOP5).</summary>
    public const byte OpDrivechain = 0xb4;

    /// <summary>The script for <paramref name="slot"/>.</summary>
    public static Script Create(byte slot) => new(new byte[] { OpDrivechain, 0x01, slot, 0x51 });

    /// <summary>True (with the slot) when <paramref name="script"/> is exactly a treasury script.</summary>
    public static bool TryParse(ReadOnlySpan<byte> script, out byte slot)
    {
        if (script.Length == 4 && script[0] == OpDrivechain && script[1] == 0x01 && script[3] == 0x51)
        {
            slot = script[2];
            return true;
        }
        slot = 0;
        return false;
    }
}
