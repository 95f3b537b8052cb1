namespace Drivechain.Consensus;

/// <summary>The block stages of spec §4.1, in order.</summary>
public enum StageId
{
    /// <summary>§4.2 parse pass: duplicate messages.</summary>
    DuplicateMessages = 1,
    /// <summary>§4.3 apply pass: M1, M2, M3, M4, M7 in vout order.</summary>
    ApplyCoinbaseMessages,
    /// <summary>§4.5 proposal expiry.</summary>
    ProposalExpiry,
    /// <summary>§4.6 bundle expiry.</summary>
    BundleExpiry,
    /// <summary>§4.7 treasury (M5/M6) rules, then §6 M8 rules, per transaction.</summary>
    Transactions,
}
