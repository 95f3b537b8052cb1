using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Scripts as Core's RPCs show them: asm text (ScriptToAsmStr), type names, inferred descriptors, scriptPubKey objects.</summary>
public static class ScriptJson
{
    /// <summary>Core's ScriptToAsmStr: pushes of ≤ 4 bytes as numbers, longer pushes as hex (with a sighash suffix in scriptSigs).</summary>
    public static string ToAsm(Script script, bool attemptSighashDecode = false)
    {
        var text = new StringBuilder();
        var reader = new ScriptReader(script.Span);
        var unspendable = script.Length > 0 && script.Span[0] == (byte)OpcodeType.OP_RETURN;
        while (reader.TryRead(out var op))
        {
            if (text.Length > 0) text.Append(' ');
            if (op.IsDataPush)
            {
                if (op.Data.Length <= 4) text.Append(DecodeScriptNumber(op.Data).ToString(CultureInfo.InvariantCulture));
                else if (attemptSighashDecode && !unspendable && TrySighashSuffix(op.Data, out var signature, out var suffix))
                    text.Append(Convert.ToHexStringLower(signature)).Append(suffix);
                else text.Append(Convert.ToHexStringLower(op.Data));
            }
            else
            {
                text.Append(OpName(op.Opcode));
            }
        }
        if (reader.IsMalformed) text.Append(text.Length > 0 ? " [error]" : "[error]");
        return text.ToString();
    }

    public static string OpName(OpcodeType opcode) => opcode switch
    {
        OpcodeType.OP_0 => "0",
        OpcodeType.OP_1NEGATE => "-1",
        >= OpcodeType.OP_1 and <= OpcodeType.OP_16 => ((int)opcode - (int)OpcodeType.OP_1 + 1).ToString(CultureInfo.InvariantCulture),
        _ => Enum.IsDefined(opcode) && opcode != OpcodeType.OP_INVALIDOPCODE ? opcode.ToString() : "OP_UNKNOWN",
    };

    /// <summary>Core's GetTxnOutputType names.</summary>
    public static string TypeName(ScriptTemplateKind kind) => kind switch
    {
        ScriptTemplateKind.PubKey => "pubkey",
        ScriptTemplateKind.PubKeyHash => "pubkeyhash",
        ScriptTemplateKind.ScriptHash => "scripthash",
        ScriptTemplateKind.Multisig => "multisig",
        ScriptTemplateKind.NullData => "nulldata",
        ScriptTemplateKind.WitnessV0KeyHash => "witness_v0_keyhash",
        ScriptTemplateKind.WitnessV0ScriptHash => "witness_v0_scripthash",
        ScriptTemplateKind.WitnessV1Taproot => "witness_v1_taproot",
        ScriptTemplateKind.Anchor => "anchor",
        ScriptTemplateKind.WitnessUnknown => "witness_unknown",
        _ => "nonstandard",
    };

    /// <summary>The descriptor Core infers without key knowledge: addr() for address scripts, pk()/multi() for bare keys, raw() otherwise.</summary>
    public static string InferDescriptor(Script script, Network network)
    {
        var template = script.GetTemplate();
        string body;
        if (template.Kind == ScriptTemplateKind.PubKey)
            body = $"pk({Convert.ToHexStringLower(template.Data.Span)})";
        else if (template.Kind == ScriptTemplateKind.Multisig)
            body = string.Create(CultureInfo.InvariantCulture, $"multi({template.RequiredSignatures},{string.Join(',', template.PubKeys.Select(k => Convert.ToHexStringLower(k.Span)))})");
        else if (template.Kind != ScriptTemplateKind.NullData && Address.TryFromScript(script, network, out var address))
            body = $"addr({address.Text})";
        else
            body = $"raw({script.ToHex()})";
        return DescriptorChecksum.AddChecksum(body);
    }

    /// <summary>Core's ScriptToUniv: asm, desc, hex, address (when there is one), type.</summary>
    public static JsonObject ScriptPubKey(Script script, Network network, bool includeHex = true)
    {
        var template = script.GetTemplate();
        var json = new JsonObject
        {
            ["asm"] = ToAsm(script),
            ["desc"] = InferDescriptor(script, network),
        };
        if (includeHex) json["hex"] = script.ToHex();
        if (template.Kind != ScriptTemplateKind.NullData && template.Kind != ScriptTemplateKind.PubKey
            && template.Kind != ScriptTemplateKind.Multisig && Address.TryFromScript(script, network, out var address))
            json["address"] = address.Text;
        json["type"] = TypeName(template.Kind);
        return json;
    }

    private static long DecodeScriptNumber(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return 0;
        long result = 0;
        for (var i = 0; i < data.Length; i++) result |= (long)data[i] << (8 * i);
        if ((data[^1] & 0x80) != 0) return -(result & ~(0x80L << (8 * (data.Length - 1))));
        return result;
    }

    private static bool TrySighashSuffix(ReadOnlySpan<byte> push, out ReadOnlySpan<byte> signature, out string suffix)
    {
        signature = default;
        suffix = "";
        if (!IsDerSignatureShape(push)) return false;
        var type = push[^1];
        var name = (type & 0x7f) switch
        {
            1 => "ALL",
            2 => "NONE",
            3 => "SINGLE",
            _ => null,
        };
        if (name is null || (type & ~0x83) != 0) return false;
        suffix = "[" + name + ((type & 0x80) != 0 ? "|ANYONECANPAY" : "") + "]";
        signature = push[..^1];
        return true;
    }

    /// <summary>BIP66's strict DER shape check (with the trailing sighash byte), as Core's IsValidSignatureEncoding.</summary>
    private static bool IsDerSignatureShape(ReadOnlySpan<byte> sig)
    {
        if (sig.Length < 9 || sig.Length > 73) return false;
        if (sig[0] != 0x30 || sig[1] != sig.Length - 3) return false;
        var lenR = sig[3];
        if (5 + lenR >= sig.Length) return false;
        var lenS = sig[5 + lenR];
        if (lenR + lenS + 7 != sig.Length) return false;
        if (sig[2] != 0x02 || lenR == 0 || (sig[4] & 0x80) != 0) return false;
        if (lenR > 1 && sig[4] == 0x00 && (sig[5] & 0x80) == 0) return false;
        if (sig[lenR + 4] != 0x02 || lenS == 0 || (sig[lenR + 6] & 0x80) != 0) return false;
        if (lenS > 1 && sig[lenR + 6] == 0x00 && (sig[lenR + 7] & 0x80) == 0) return false;
        return true;
    }
}
