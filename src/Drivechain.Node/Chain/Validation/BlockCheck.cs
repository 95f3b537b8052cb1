using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain.Validation;

/// <summary>
/// One block going through the <see cref="BlockPipeline"/>: the base stages' inputs and outputs
/// (<see cref="BaseBlockCheck"/>) plus the drivechain stage's.
/// </summary>
public sealed class BlockCheck(Block block) : BaseBlockCheck(block)
{
    /// <summary>The parent's index entry: sets <see cref="BaseBlockCheck.Parent"/> to the chain ending there.</summary>
    public BlockIndex ParentIndex
    {
        set => Parent = new ChainHistory(value);
    }

    /// <summary>The drivechain state as of the parent; set before the connect stages.</summary>
    public DrivechainState? State { get; set; }

    /// <summary>After the drivechain stage: the next state, its undo and the block's drivechain events.</summary>
    public ConnectOutcome.Accepted? Drivechain { get; internal set; }

    /// <summary>Stopwatch ticks spent in the Bitcoin rules and in the drivechain rules.</summary>
    public (long Bitcoin, long Drivechain) Ticks { get; internal set; }
}
