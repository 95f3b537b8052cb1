using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>Per-input taproot execution context (Core's ScriptExecutionData), filled while verifying.</summary>
public sealed class ScriptExecutionData
{
    /// <summary>True once <see cref="TapleafHash"/> is set (script-path spends).</summary>
    public bool TapleafHashInit { get; internal set; }

    /// <summary>The BIP341 leaf hash of the executed script.</summary>
    public UInt256 TapleafHash { get; internal set; }

    /// <summary>True once <see cref="CodeSeparatorPosition"/> is set.</summary>
    public bool CodeSeparatorPositionInit { get; internal set; }

    /// <summary>Opcode position of the last executed OP_CODESEPARATOR (0xffffffff for none).</summary>
    public uint CodeSeparatorPosition { get; internal set; }

    /// <summary>True once the annex has been looked for.</summary>
    public bool AnnexInit { get; internal set; }

    /// <summary>True when the witness carries an annex.</summary>
    public bool AnnexPresent { get; internal set; }

    /// <summary>SHA256 of the serialized annex (compact size ‖ bytes).</summary>
    public UInt256 AnnexHash { get; internal set; }

    /// <summary>True once <see cref="ValidationWeightLeft"/> is set (tapscript).</summary>
    public bool ValidationWeightLeftInit { get; internal set; }

    /// <summary>BIP342 signature-operation budget left.</summary>
    public long ValidationWeightLeft { get; internal set; }
}
