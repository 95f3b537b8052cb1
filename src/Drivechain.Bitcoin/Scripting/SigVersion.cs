namespace Drivechain.Bitcoin.Scripting;

/// <summary>Which signature rules a script runs under (Core's SigVersion).</summary>
public enum SigVersion
{
    /// <summary>Legacy scripts (bare and P2SH).</summary>
    Base,
    /// <summary>BIP143 segwit v0 scripts.</summary>
    WitnessV0,
    /// <summary>BIP341 key-path spending.</summary>
    Taproot,
    /// <summary>BIP342 tapscript (leaf version 0xc0).</summary>
    Tapscript,
}
