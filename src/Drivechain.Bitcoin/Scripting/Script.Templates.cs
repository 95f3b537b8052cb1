using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

public readonly partial struct Script
{
    /// <summary>Core's MAX_SCRIPT_SIZE: larger scripts can never be executed.</summary>
    public const int MaxScriptSize = 10_000;

    /// <summary>Core's MAX_PUBKEYS_PER_MULTISIG.</summary>
    public const int MaxPubKeysPerMultisig = 20;

    /// <summary>BIP16: exactly <c>OP_HASH160 &lt;20 bytes&gt; OP_EQUAL</c> (23 bytes).</summary>
    public bool IsPayToScriptHash
    {
        get
        {
            var s = Span;
            return s.Length == 23 && s[0] == (byte)OpcodeType.OP_HASH160 && s[1] == 0x14 && s[22] == (byte)OpcodeType.OP_EQUAL;
        }
    }

    /// <summary>Exactly <c>OP_DUP OP_HASH160 &lt;20 bytes&gt; OP_EQUALVERIFY OP_CHECKSIG</c> (25 bytes).</summary>
    public bool IsPayToPubKeyHash
    {
        get
        {
            var s = Span;
            return s.Length == 25 && s[0] == (byte)OpcodeType.OP_DUP && s[1] == (byte)OpcodeType.OP_HASH160 && s[2] == 0x14
                && s[23] == (byte)OpcodeType.OP_EQUALVERIFY && s[24] == (byte)OpcodeType.OP_CHECKSIG;
        }
    }

    /// <summary>Witness v0 with a 32-byte program: <c>OP_0 &lt;32 bytes&gt;</c>.</summary>
    public bool IsPayToWitnessScriptHash
    {
        get
        {
            var s = Span;
            return s.Length == 34 && s[0] == (byte)OpcodeType.OP_0 && s[1] == 0x20;
        }
    }

    /// <summary>Core's IsUnspendable: starts with OP_RETURN or is larger than <see cref="MaxScriptSize"/>.</summary>
    public bool IsUnspendable => (Length > 0 && Span[0] == (byte)OpcodeType.OP_RETURN) || Length > MaxScriptSize;

    /// <summary>
    /// Core's IsWitnessProgram: 4–42 bytes, a version opcode (OP_0 or OP_1…OP_16), then one direct push of 2–40
    /// bytes that ends the script.
    /// </summary>
    public bool IsWitnessProgram(out int version, out ReadOnlyMemory<byte> program)
    {
        version = -1;
        program = default;
        var s = Span;
        if (s.Length < 4 || s.Length > 42) return false;
        var first = (OpcodeType)s[0];
        if (first != OpcodeType.OP_0 && (first < OpcodeType.OP_1 || first > OpcodeType.OP_16)) return false;
        if (s[1] + 2 != s.Length) return false;
        version = DecodeSmallInteger(first);
        program = Memory[2..];
        return true;
    }

    /// <summary>True for any witness program (see <see cref="IsWitnessProgram(out int, out ReadOnlyMemory{byte})"/>).</summary>
    public bool IsWitnessProgram() => IsWitnessProgram(out _, out _);

    /// <summary>Pay-to-anchor: <c>OP_1 &lt;4e73&gt;</c>.</summary>
    public bool IsPayToAnchor
    {
        get
        {
            var s = Span;
            return s.Length == 4 && s[0] == (byte)OpcodeType.OP_1 && s[1] == 0x02 && s[2] == 0x4e && s[3] == 0x73;
        }
    }

    /// <summary>
    /// Recognises the output template as Core's Solver does, in its order: P2SH, witness programs (v0 20/32 bytes,
    /// v1 32 bytes, anchor, other versions 1–16; other v0 lengths are non-standard), OP_RETURN followed by pushes,
    /// P2PK, P2PKH, bare multisig.
    /// </summary>
    public ScriptTemplate GetTemplate()
    {
        var s = Span;
        if (IsPayToScriptHash) return new ScriptTemplate(ScriptTemplateKind.ScriptHash, Memory.Slice(2, 20));

        if (IsWitnessProgram(out var version, out var program))
        {
            if (version == 0 && program.Length == 20) return new ScriptTemplate(ScriptTemplateKind.WitnessV0KeyHash, program, 0);
            if (version == 0 && program.Length == 32) return new ScriptTemplate(ScriptTemplateKind.WitnessV0ScriptHash, program, 0);
            if (version == 1 && program.Length == 32) return new ScriptTemplate(ScriptTemplateKind.WitnessV1Taproot, program, 1);
            if (IsPayToAnchor) return new ScriptTemplate(ScriptTemplateKind.Anchor, program, 1);
            if (version != 0) return new ScriptTemplate(ScriptTemplateKind.WitnessUnknown, program, version);
            return new ScriptTemplate(ScriptTemplateKind.NonStandard);
        }

        if (s.Length >= 1 && s[0] == (byte)OpcodeType.OP_RETURN && IsPushOnly(s[1..]))
            return new ScriptTemplate(ScriptTemplateKind.NullData);

        if ((s.Length == 35 || s.Length == 67) && s[0] == s.Length - 2 && s[^1] == (byte)OpcodeType.OP_CHECKSIG
            && IsValidPubKeySize(s[1..^1]))
            return new ScriptTemplate(ScriptTemplateKind.PubKey, Memory[1..^1]);

        if (IsPayToPubKeyHash) return new ScriptTemplate(ScriptTemplateKind.PubKeyHash, Memory.Slice(3, 20));

        if (TryMatchMultisig(out var required, out var keys))
            return new ScriptTemplate(ScriptTemplateKind.Multisig, requiredSignatures: required, pubKeys: keys);

        return new ScriptTemplate(ScriptTemplateKind.NonStandard);
    }

    /// <summary>Core's CPubKey::ValidSize: 33 bytes with header 02/03, or 65 bytes with header 04/06/07.</summary>
    public static bool IsValidPubKeySize(ReadOnlySpan<byte> key) => key.Length switch
    {
        33 => key[0] is 0x02 or 0x03,
        65 => key[0] is 0x04 or 0x06 or 0x07,
        _ => false,
    };

    // Core's MatchMultisig: m (1..20), keys of valid size, n == key count (m..20), OP_CHECKMULTISIG last.
    private bool TryMatchMultisig(out int required, out ImmutableArray<ReadOnlyMemory<byte>> keys)
    {
        required = 0;
        keys = default;
        var s = Span;
        if (s.Length < 1 || s[^1] != (byte)OpcodeType.OP_CHECKMULTISIG) return false;
        var reader = new ScriptReader(s);
        if (!reader.TryRead(out var op) || !TryGetScriptNumber(op, 1, MaxPubKeysPerMultisig, out required)) return false;
        var builder = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>();
        bool more;
        while ((more = reader.TryRead(out op)) && IsValidPubKeySize(op.Data))
            builder.Add(Memory.Slice(op.Offset + PushHeaderLength(op.Opcode), op.Data.Length));
        if (!more) return false;
        if (!TryGetScriptNumber(op, required, MaxPubKeysPerMultisig, out var count)) return false;
        if (builder.Count != count) return false;
        if (reader.Position + 1 != s.Length) return false;
        keys = builder.ToImmutable();
        return true;
    }

    private static int PushHeaderLength(OpcodeType opcode) => opcode switch
    {
        OpcodeType.OP_PUSHDATA1 => 2,
        OpcodeType.OP_PUSHDATA2 => 3,
        OpcodeType.OP_PUSHDATA4 => 5,
        _ => 1,
    };

    // Core's GetScriptNumber: OP_1..OP_16, or a minimal data push of a small script number, within [min, max].
    private static bool TryGetScriptNumber(ScriptOp op, int min, int max, out int value)
    {
        value = 0;
        if (op.Opcode >= OpcodeType.OP_1 && op.Opcode <= OpcodeType.OP_16)
        {
            value = DecodeSmallInteger(op.Opcode);
        }
        else if (op.IsDataPush)
        {
            if (!CheckMinimalPush(op.Data, op.Opcode) || op.Data.Length > 4) return false;
            long number = 0;
            for (int i = 0; i < op.Data.Length; i++) number |= (long)op.Data[i] << (8 * i);
            if (op.Data.Length > 0 && (op.Data[^1] & 0x80) != 0)
            {
                number &= ~(0x80L << (8 * (op.Data.Length - 1)));
                number = -number;
            }
            if (op.Data.Length > 0 && (op.Data[^1] & 0x7f) == 0 && (op.Data.Length == 1 || (op.Data[^2] & 0x80) == 0))
                return false; // not minimally encoded as a number
            value = (int)Math.Clamp(number, int.MinValue, int.MaxValue);
        }
        else
        {
            return false;
        }
        return value >= min && value <= max;
    }
}
