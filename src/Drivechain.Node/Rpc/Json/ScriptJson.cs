using System.Globalization;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Addresses;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Scripts as Core's RPCs show them: asm text (ScriptToAsmStr), type names, inferred descriptors, scriptPubKey objects.</summary>
public static class ScriptJson
{
    /// <summary>Core's ScriptToAsmStr (pushes of ≤ 4 bytes as numbers; sighash suffix decoding in scriptSigs).</summary>
    public static string ToAsm(Script script, bool attemptSighashDecode = false) => ScriptAssembly.ToAsm(script, attemptSighashDecode);

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
}
