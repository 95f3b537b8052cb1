namespace Drivechain.Node.Chain;

/// <summary>What is known about a block in the tree (Core's BlockStatus, simplified).</summary>
[Flags]
public enum BlockStatus
{
    None = 0,
    /// <summary>The header passed the context-free and contextual header checks.</summary>
    ValidHeader = 1,
    /// <summary>The block passed CheckBlock and ContextualCheckBlock (everything but connect).</summary>
    ValidTransactions = 2,
    /// <summary>The block was connected once (base ConnectBlock and drivechain rules passed).</summary>
    ValidScripts = 4,
    /// <summary>The full block bytes are stored.</summary>
    HaveData = 8,
    /// <summary>The block itself broke a rule.</summary>
    FailedValid = 16,
    /// <summary>An ancestor broke a rule.</summary>
    FailedChild = 32,
    /// <summary>Either failure flag.</summary>
    FailedMask = FailedValid | FailedChild,
}
