namespace Drivechain.Bitcoin.Scripting;

/// <summary>The output script templates Core's Solver recognises (TxoutType).</summary>
public enum ScriptTemplateKind
{
    /// <summary>No known template.</summary>
    NonStandard = 0,
    /// <summary><c>&lt;pubkey&gt; OP_CHECKSIG</c> with a 33- or 65-byte key.</summary>
    PubKey,
    /// <summary><c>OP_DUP OP_HASH160 &lt;20&gt; OP_EQUALVERIFY OP_CHECKSIG</c>.</summary>
    PubKeyHash,
    /// <summary>BIP16 <c>OP_HASH160 &lt;20&gt; OP_EQUAL</c>.</summary>
    ScriptHash,
    /// <summary>Bare <c>m &lt;pubkey&gt;… n OP_CHECKMULTISIG</c>.</summary>
    Multisig,
    /// <summary><c>OP_RETURN</c> followed only by pushes.</summary>
    NullData,
    /// <summary>Witness v0 with a 20-byte program.</summary>
    WitnessV0KeyHash,
    /// <summary>Witness v0 with a 32-byte program.</summary>
    WitnessV0ScriptHash,
    /// <summary>Witness v1 with a 32-byte program (BIP341).</summary>
    WitnessV1Taproot,
    /// <summary>Pay-to-anchor: witness v1 with the 2-byte program <c>4e73</c>.</summary>
    Anchor,
    /// <summary>A witness program of version 1–16 that is none of the above.</summary>
    WitnessUnknown,
}
