namespace Drivechain.Node.Chain;

/// <summary>The status of a chain tip, as Core's getchaintips names it.</summary>
public enum ChainTipStatus
{
    /// <summary>The tip of the active chain ("active").</summary>
    Active,
    /// <summary>A fully validated branch that is not active ("valid-fork").</summary>
    ValidFork,
    /// <summary>A branch whose blocks are stored but not all connected ("valid-headers").</summary>
    ValidHeaders,
    /// <summary>A branch containing an invalid block ("invalid").</summary>
    Invalid,
}
