using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Consensus.Messages;

/// <summary>
/// BIP301 M8 — BMM request: output 0 of a non-coinbase transaction is exactly
/// <c>6a 44 00bf00 S H P</c> (70 bytes; no other push form). Spec §2.4, §6.
/// </summary>
/// <param name="Slot">The sidechain slot.</param>
/// <param name="SidechainBlockHash">The commitment H (raw bytes, as in M7).</param>
/// <param name="PreviousMainchainBlockHash">P, the mainchain block the request builds on (internal order).</param>
public sealed record M8BmmRequest(byte Slot, UInt256 SidechainBlockHash, UInt256 PreviousMainchainBlockHash)
{
    /// <summary>Script length.</summary>
    public const int ScriptLength = 70;

    /// <summary>Recognizes an M8 script (byte-exact).</summary>
    public static bool TryParse(ReadOnlySpan<byte> script, [NotNullWhen(true)] out M8BmmRequest? request)
    {
        request = null;
        if (script.Length != ScriptLength || script[0] != 0x6a || script[1] != 0x44 ||
            script[2] != 0x00 || script[3] != 0xbf || script[4] != 0x00) return false;
        request = new M8BmmRequest(script[5], new UInt256(script.Slice(6, 32)), new UInt256(script.Slice(38, 32)));
        return true;
    }

    /// <summary>Recognizes a transaction whose output 0 is an M8 (the caller excludes the coinbase).</summary>
    public static bool TryParse(Transaction tx, [NotNullWhen(true)] out M8BmmRequest? request)
    {
        request = null;
        return tx.Outputs.Length > 0 && TryParse(tx.Outputs[0].ScriptPubKey.Span, out request);
    }

    /// <summary>The 70-byte script.</summary>
    public Script ToScript()
    {
        var bytes = new byte[ScriptLength];
        bytes[0] = 0x6a;
        bytes[1] = 0x44;
        bytes[3] = 0xbf;
        bytes[5] = Slot;
        SidechainBlockHash.WriteTo(bytes.AsSpan(6));
        PreviousMainchainBlockHash.WriteTo(bytes.AsSpan(38));
        return new Script(bytes);
    }
}
