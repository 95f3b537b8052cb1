using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.Description;

/// <summary>
/// What a script is in drivechain terms (spec §2), for display: the one description behind the CLI's <c>decode</c>,
/// the RPC's <c>decodedrivechainmessage</c> (and the dashboard) and libdrivechain's <c>dc_decode_message</c>.
/// It uses the consensus parsers, so it recognises exactly what the rules do. Field names are snake_case;
/// hashes with a display order (description hashes, M6IDs, block hashes) are reversed like txids, and BMM
/// commitments h* are raw bytes (§2.4).
/// </summary>
public sealed class ScriptDescription
{
    private readonly List<KeyValuePair<string, object?>> _fields;

    private ScriptDescription(string type, string name, List<KeyValuePair<string, object?>> fields)
    {
        Type = type;
        Name = name;
        _fields = fields;
    }

    /// <summary>The kind: <c>M1</c>…<c>M4</c>, <c>M7</c>, <c>M8</c>, <c>treasury</c>, <c>deposit_address</c>, or a caller's (e.g. <c>M6</c>).</summary>
    public string Type { get; }

    /// <summary>What the kind means, in words.</summary>
    public string Name { get; }

    /// <summary>The fields in output order. Values are numbers, strings, lists of those, a <see cref="SidechainDeclarationV0"/> or null.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>True for a coinbase message (M1, M2, M3, M4, M7).</summary>
    public bool IsCoinbaseMessage => Type is "M1" or "M2" or "M3" or "M4" or "M7";

    /// <summary>A description built by a caller that recognises a shape from its context (e.g. an M6-shaped transaction).</summary>
    public static ScriptDescription Create(string type, string name, params ReadOnlySpan<KeyValuePair<string, object?>> fields) =>
        new(type, name, [.. fields]);

    /// <summary>
    /// The description of <paramref name="script"/> alone: an M8, a coinbase message, a treasury script or a
    /// deposit address push (<c>6a</c> + one push), in that order; null for anything else.
    /// </summary>
    public static ScriptDescription? Describe(ReadOnlySpan<byte> script)
    {
        if (M8BmmRequest.TryParse(script, out var m8))
            return Create("M8", "BMM request", Field("slot", m8.Slot),
                Field("sidechain_block_hash", RawHex(m8.SidechainBlockHash)),
                Field("prev_mainchain_block_hash", m8.PreviousMainchainBlockHash.ToString()));
        if (CoinbaseMessage.TryParse(new Script(script.ToArray()), out var message)) return Describe(message);
        if (TreasuryScript.TryParse(script, out var slot))
            return Create("treasury", "treasury output (OP_DRIVECHAIN)", Field("slot", slot));
        if (DepositAddress.TryParse(script, out var address))
            return Create("deposit_address", "deposit address output (OP_RETURN push)",
                Field("address_hex", Convert.ToHexStringLower(address)),
                Field("address_text", System.Text.Encoding.UTF8.GetString(address)));
        return null;
    }

    /// <summary>The description of a parsed coinbase message.</summary>
    public static ScriptDescription Describe(CoinbaseMessage message) => message switch
    {
        M1ProposeSidechain m1 => Create("M1", "propose sidechain", Field("slot", m1.Slot),
            Field("description", Convert.ToHexStringLower(m1.Description.AsSpan())),
            Field("description_hash", m1.DescriptionHash.ToString()),
            Field("declaration", SidechainDeclarationV0.TryParse(m1.Description.AsSpan(), out var declaration) ? declaration : null)),
        M2AckSidechain m2 => Create("M2", "ACK sidechain proposal", Field("slot", m2.Slot), Field("description_hash", m2.DescriptionHash.ToString())),
        M3ProposeBundle m3 => Create("M3", "propose withdrawal bundle", Field("slot", m3.Slot), Field("m6id", m3.M6Id.ToString())),
        M4AckBundles m4 => Create("M4", "ACK withdrawal bundles", Field("version", (int)m4.Version),
            Field("version_name", m4.Version.ToString()), Field("votes", Votes(m4))),
        M7BmmAccept m7 => Create("M7", "BMM accept", Field("slot", m7.Slot), Field("sidechain_block_hash", RawHex(m7.SidechainBlockHash))),
        _ => Create(message.GetType().Name, "coinbase message"),
    };

    /// <summary>This description with one more field (context a caller knows, e.g. the output's value).</summary>
    public ScriptDescription With(string name, object? value) => new(Type, Name, [.. _fields, Field(name, value)]);

    /// <summary>This description under another name (e.g. when the context says more than the script).</summary>
    public ScriptDescription Named(string name) => new(Type, name, _fields);

    /// <summary>A field.</summary>
    public static KeyValuePair<string, object?> Field(string name, object? value) => new(name, value);

    /// <summary>Writes the description as a JSON object: <c>type</c>, <c>name</c>, then the fields.</summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("type", Type);
        json.WriteString("name", Name);
        foreach (var (name, value) in _fields)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
        json.WriteEndObject();
    }

    /// <summary>Writes the JSON of a script that is no drivechain script: <c>{"type":"none","name":"not a drivechain script"}</c>.</summary>
    public static void WriteNone(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("type", "none");
        json.WriteString("name", "not a drivechain script");
        json.WriteEndObject();
    }

    private static object[] Votes(M4AckBundles m4) =>
    [
        .. m4.Votes.Select(v => v switch
        {
            M4AckBundles.Abstain => "abstain",
            M4AckBundles.Alarm => "alarm",
            _ => (object)(int)v,
        }),
    ];

    private static string RawHex(UInt256 value) => Convert.ToHexStringLower(value.ToBytes());

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case byte b: json.WriteNumberValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case SidechainDeclarationV0 declaration: declaration.WriteTo(json); break;
            case IEnumerable<object> items:
                json.WriteStartArray();
                foreach (var item in items) WriteValue(json, item);
                json.WriteEndArray();
                break;
            default: throw new ArgumentException($"unsupported field value {value.GetType().Name}", nameof(value));
        }
    }
}
