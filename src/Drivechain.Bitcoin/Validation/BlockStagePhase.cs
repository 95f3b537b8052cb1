namespace Drivechain.Bitcoin.Validation;

/// <summary>When a stage of the block pipeline runs for a received block (Core's TestBlockValidity runs them all at once).</summary>
public enum BlockStagePhase
{
    /// <summary>Before the parent is looked up: the block on its own (Core's CheckBlock in ProcessNewBlock).</summary>
    ContextFree,

    /// <summary>The header against its parent (Core's AcceptBlockHeader): a failure does not mark the hash invalid.</summary>
    ContextualHeader,

    /// <summary>The block against its parent, before it is stored (Core's AcceptBlock): a failure marks the hash invalid.</summary>
    ContextualBlock,

    /// <summary>When the block becomes the tip, against the coins and drivechain state of its parent (Core's ConnectBlock).</summary>
    Connect,
}
