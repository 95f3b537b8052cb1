using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;
using Drivechain.Consensus.State;

namespace Drivechain.Node.Chain.Validation;

/// <summary>
/// One block going through the <see cref="BlockPipeline"/>: what it is judged against (set by the entry point) and what
/// the connect stages produce.
/// </summary>
public sealed class BlockCheck(Block block)
{
    /// <summary>The block.</summary>
    public Block Block { get; } = block;

    /// <summary>False only for templates, which are checked before they are mined.</summary>
    public bool CheckProofOfWork { get; init; } = true;

    /// <summary>The clock's "now" in Unix seconds (the future-time limit of the header stage).</summary>
    public long Now { get; init; }

    /// <summary>The block's parent; set before the contextual stages.</summary>
    public BlockIndex? Parent { get; set; }

    /// <summary>The block's height (the parent's plus one).</summary>
    public int Height => (Parent ?? throw new InvalidOperationException("the parent is not set")).Height + 1;

    /// <summary>The coins as of the parent (only read); set before the connect stages.</summary>
    public ICoinView? Coins { get; set; }

    /// <summary>The drivechain state as of the parent; set before the connect stages.</summary>
    public DrivechainState? State { get; set; }

    /// <summary>How input scripts are verified.</summary>
    public ScriptCheckMode ScriptMode { get; set; } = ScriptCheckMode.Parallel;

    /// <summary>Transactions whose scripts are already known to verify (the mempool's, for templates).</summary>
    public IScriptExecutionCache? ScriptCache { get; set; }

    /// <summary>After the base connect stage: the coins the block spends and creates.</summary>
    public CoinsDelta? Delta { get; internal set; }

    /// <summary>After the drivechain stage: the next state, its undo and the block's drivechain events.</summary>
    public ConnectOutcome.Accepted? Drivechain { get; internal set; }

    /// <summary>Stopwatch ticks spent in the Bitcoin rules and in the drivechain rules.</summary>
    public (long Bitcoin, long Drivechain) Ticks { get; internal set; }
}
