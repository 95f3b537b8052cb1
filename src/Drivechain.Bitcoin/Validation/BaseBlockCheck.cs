namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// One block going through the <see cref="BaseBlockStages"/>: what it is judged against (set by the caller) and what
/// the connect stage produces. A node's pipeline extends it with its own stages' inputs and outputs.
/// </summary>
public class BaseBlockCheck(Primitives.Block block)
{
    /// <summary>The block.</summary>
    public Primitives.Block Block { get; } = block;

    /// <summary>False only for templates, which are checked before they are mined.</summary>
    public bool CheckProofOfWork { get; init; } = true;

    /// <summary>The clock's "now" in Unix seconds (the future-time limit of the header stage).</summary>
    public long Now { get; init; }

    /// <summary>The chain the block extends; set before the contextual stages.</summary>
    public IBlockParent? Parent { get; set; }

    /// <summary>The block's height (the parent's plus one).</summary>
    public int Height => (Parent ?? throw new InvalidOperationException("the parent is not set")).Height + 1;

    /// <summary>The coins as of the parent (only read); set before the connect stage.</summary>
    public ICoinView? Coins { get; set; }

    /// <summary>How input scripts are verified.</summary>
    public ScriptCheckMode ScriptMode { get; set; } = ScriptCheckMode.Parallel;

    /// <summary>Transactions whose scripts are already known to verify (a mempool's, for templates).</summary>
    public IScriptExecutionCache? ScriptCache { get; set; }

    /// <summary>After the connect stage: the coins the block spends and creates.</summary>
    public CoinsDelta? Delta { get; set; }
}
