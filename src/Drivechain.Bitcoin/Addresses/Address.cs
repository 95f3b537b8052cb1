using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Addresses;

/// <summary>
/// An address of one network and the output script it stands for, as Core's key_io encodes and decodes them:
/// Base58Check P2PKH/P2SH and bech32 (v0) / bech32m (v1–16) segwit addresses. Parsing never throws on bad text:
/// use <see cref="TryParse"/>.
/// </summary>
public sealed class Address : IEquatable<Address>
{
    private const int MaxWitnessProgram = 40;

    private Address(Network network, AddressKind kind, Script scriptPubKey, string text)
    {
        Network = network;
        Kind = kind;
        ScriptPubKey = scriptPubKey;
        Text = text;
    }

    /// <summary>The network whose prefixes the text uses.</summary>
    public Network Network { get; }

    /// <summary>What it pays to.</summary>
    public AddressKind Kind { get; }

    /// <summary>The output script it stands for.</summary>
    public Script ScriptPubKey { get; }

    /// <summary>The canonical text (bech32 addresses in lowercase).</summary>
    public string Text { get; }

    /// <summary>The witness version for segwit kinds; -1 for Base58 kinds.</summary>
    public int WitnessVersion => ScriptPubKey.IsWitnessProgram(out var version, out _) ? version : -1;

    /// <summary>Parses <paramref name="text"/> for <paramref name="network"/>; false for anything Core's DecodeDestination rejects.</summary>
    public static bool TryParse(string? text, Network network, [NotNullWhen(true)] out Address? address)
    {
        ArgumentNullException.ThrowIfNull(network);
        address = null;
        if (string.IsNullOrEmpty(text)) return false;
        var hrp = network.Bech32Hrp;
        bool looksBech32 = text.Length >= hrp.Length && text.AsSpan(0, hrp.Length).Equals(hrp, StringComparison.OrdinalIgnoreCase);
        if (!looksBech32)
        {
            if (!Base58Check.TryDecode(text, out var payload, 21) || payload.Length != 21) return false;
            var hash = new UInt160(payload.AsSpan(1));
            if (payload[0] == network.PubKeyAddressPrefix) { address = PayToPubKeyHash(hash, network); return true; }
            if (payload[0] == network.ScriptAddressPrefix) { address = PayToScriptHash(hash, network); return true; }
            return false;
        }

        var encoding = Bech32.Decode(text, out var decodedHrp, out var data);
        if (encoding == Bech32Encoding.Invalid || data!.Length == 0 || decodedHrp != hrp) return false;
        int version = data[0];
        if (version == 0 && encoding != Bech32Encoding.Bech32) return false;
        if (version != 0 && encoding != Bech32Encoding.Bech32m) return false;
        if (!Bech32.TryConvertBits(data.AsSpan(1), 5, 8, pad: false, out var program)) return false;
        if (version == 0 && program.Length != 20 && program.Length != 32) return false;
        if (version > 16 || program.Length < 2 || program.Length > MaxWitnessProgram) return false;
        address = PayToWitness(version, program, network);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> for <paramref name="network"/>.</summary>
    /// <exception cref="FormatException">Not a valid address of that network.</exception>
    public static Address Parse(string text, Network network)
    {
        if (!TryParse(text, network, out var address)) throw new FormatException($"not a valid {network.Name} address: '{text}'");
        return address;
    }

    /// <summary>
    /// The address of an output script (Core's ExtractDestination + EncodeDestination); false for scripts with no
    /// address: P2PK, bare multisig, OP_RETURN, witness v0 programs other than 20/32 bytes, non-standard scripts.
    /// </summary>
    public static bool TryFromScript(Script scriptPubKey, Network network, [NotNullWhen(true)] out Address? address)
    {
        ArgumentNullException.ThrowIfNull(network);
        address = null;
        var template = scriptPubKey.GetTemplate();
        switch (template.Kind)
        {
            case ScriptTemplateKind.PubKeyHash:
                address = PayToPubKeyHash(new UInt160(template.Data.Span), network);
                return true;
            case ScriptTemplateKind.ScriptHash:
                address = PayToScriptHash(new UInt160(template.Data.Span), network);
                return true;
            case ScriptTemplateKind.WitnessV0KeyHash:
            case ScriptTemplateKind.WitnessV0ScriptHash:
            case ScriptTemplateKind.WitnessV1Taproot:
            case ScriptTemplateKind.Anchor:
            case ScriptTemplateKind.WitnessUnknown:
                address = PayToWitness(template.WitnessVersion, template.Data.Span, network);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A P2PKH address.</summary>
    public static Address PayToPubKeyHash(UInt160 keyHash, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var hash = keyHash.ToBytes();
        var script = new ScriptBuilder().Ops(OpcodeType.OP_DUP, OpcodeType.OP_HASH160).Push(hash)
            .Ops(OpcodeType.OP_EQUALVERIFY, OpcodeType.OP_CHECKSIG).ToScript();
        return new Address(network, AddressKind.PayToPubKeyHash, script, Base58Check.Encode([network.PubKeyAddressPrefix, .. hash]));
    }

    /// <summary>A P2SH address.</summary>
    public static Address PayToScriptHash(UInt160 scriptHash, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var hash = scriptHash.ToBytes();
        var script = new ScriptBuilder().Op(OpcodeType.OP_HASH160).Push(hash).Op(OpcodeType.OP_EQUAL).ToScript();
        return new Address(network, AddressKind.PayToScriptHash, script, Base58Check.Encode([network.ScriptAddressPrefix, .. hash]));
    }

    /// <summary>A segwit address: bech32 for version 0 (20 or 32 bytes), bech32m for versions 1–16 (2–40 bytes).</summary>
    /// <exception cref="ArgumentException">The version or program length has no address.</exception>
    public static Address PayToWitness(int version, ReadOnlySpan<byte> program, Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (version < 0 || version > 16) throw new ArgumentOutOfRangeException(nameof(version), version, "witness version must be 0..16");
        if (program.Length < 2 || program.Length > MaxWitnessProgram || (version == 0 && program.Length != 20 && program.Length != 32))
            throw new ArgumentException($"no address for a {program.Length}-byte v{version} witness program", nameof(program));
        var script = new ScriptBuilder().Op(Script.EncodeSmallInteger(version)).Push(program).ToScript();
        Bech32.TryConvertBits(program, 8, 5, pad: true, out var values);
        var text = Bech32.Encode(network.Bech32Hrp, [(byte)version, .. values!], version == 0 ? Bech32Encoding.Bech32 : Bech32Encoding.Bech32m);
        var kind = (version, program.Length) switch
        {
            (0, 20) => AddressKind.WitnessV0KeyHash,
            (0, 32) => AddressKind.WitnessV0ScriptHash,
            (1, 32) => AddressKind.Taproot,
            _ when script.IsPayToAnchor => AddressKind.PayToAnchor,
            _ => AddressKind.WitnessUnknown,
        };
        return new Address(network, kind, script, text);
    }

    /// <inheritdoc />
    public bool Equals(Address? other) => other is not null && Network == other.Network && ScriptPubKey == other.ScriptPubKey;
    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Address);
    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Network.Name, ScriptPubKey);
    /// <summary>The address text.</summary>
    public override string ToString() => Text;
}
