using System.Collections.Immutable;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// What <see cref="Script.GetTemplate"/> recognised in a script, with the data it carries. Data are slices of the
/// script (not copies).
/// </summary>
public readonly struct ScriptTemplate
{
    internal ScriptTemplate(ScriptTemplateKind kind, ReadOnlyMemory<byte> data = default, int witnessVersion = -1,
        int requiredSignatures = 0, ImmutableArray<ReadOnlyMemory<byte>> pubKeys = default)
    {
        Kind = kind;
        Data = data;
        WitnessVersion = witnessVersion;
        RequiredSignatures = requiredSignatures;
        _pubKeys = pubKeys;
    }

    private readonly ImmutableArray<ReadOnlyMemory<byte>> _pubKeys;

    /// <summary>The template.</summary>
    public ScriptTemplateKind Kind { get; }

    /// <summary>
    /// The key (<see cref="ScriptTemplateKind.PubKey"/>), the 20-byte hash (PubKeyHash, ScriptHash) or the witness
    /// program (all witness kinds); empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The witness version 0–16 for witness kinds; -1 otherwise.</summary>
    public int WitnessVersion { get; }

    /// <summary>m of an m-of-n <see cref="ScriptTemplateKind.Multisig"/>; 0 otherwise.</summary>
    public int RequiredSignatures { get; }

    /// <summary>The n keys of a <see cref="ScriptTemplateKind.Multisig"/> in script order; empty otherwise.</summary>
    public ImmutableArray<ReadOnlyMemory<byte>> PubKeys => _pubKeys.IsDefault ? [] : _pubKeys;

    /// <summary>True for every witness-program kind.</summary>
    public bool IsWitness => Kind is ScriptTemplateKind.WitnessV0KeyHash or ScriptTemplateKind.WitnessV0ScriptHash
        or ScriptTemplateKind.WitnessV1Taproot or ScriptTemplateKind.Anchor or ScriptTemplateKind.WitnessUnknown;

    /// <summary>The kind's name.</summary>
    public override string ToString() => Kind.ToString();
}
