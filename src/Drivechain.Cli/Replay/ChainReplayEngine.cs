using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Vectors;
using Drivechain.Node.Chain;

namespace Drivechain.Cli.Replay;

/// <summary>
/// The node as the replayer sees it: an in-memory <see cref="ChainManager"/> (base validation, drivechain rules,
/// reorgs) started from the network's genesis block; blocks in, verdicts out. One engine replays one vector.
/// </summary>
internal sealed class ChainReplayEngine(ChainManager chain) : IDisposable
{
    private static readonly Lazy<ISecp256k1> Secp = new(Secp256k1Provider.CreateDefault);

    /// <summary>A fresh engine for a vector's parameters, or false with a message (e.g. an unknown network).</summary>
    public static bool TryCreate(VectorParams parameters, out ChainReplayEngine? engine, out string? error)
    {
        engine = null;
        if (!parameters.TryCreateParams(out var drivechainParams, out error)) return false;
        var network = Network.FromName(parameters.Network);
        // Default script-check policy: the chain checks in parallel only blocks with enough inputs to pay for it.
        var options = new ChainManagerOptions { FlushIntervalBlocks = int.MaxValue };
        engine = new ChainReplayEngine(ChainManager.CreateInMemory(network, drivechainParams, Secp.Value, options));
        return true;
    }

    /// <summary>Submits a block as a node would receive it (its parent may be any known block).</summary>
    public BlockVerdict Submit(Block block) => chain.SubmitBlock(block) switch
    {
        SubmitOutcome.Accepted { IsTip: false } => BlockVerdict.Accept("valid, not on the active chain"),
        SubmitOutcome.Accepted => BlockVerdict.Accept(),
        SubmitOutcome.Duplicate => BlockVerdict.Accept("duplicate of a valid block"),
        SubmitOutcome.Rejected r => BlockVerdict.Reject(r.Code, r.Reason),
        var other => throw new InvalidOperationException($"unknown submit outcome {other}"),
    };

    /// <summary>The chain behind the engine (diagnostics).</summary>
    public ChainManager Chain => chain;

    /// <summary>The hash of the active tip.</summary>
    public UInt256 TipHash => chain.Tip.Hash;

    /// <summary>The height of the active tip.</summary>
    public int TipHeight => chain.Height;

    /// <summary>The drivechain view at the active tip.</summary>
    public VectorState Snapshot() => VectorState.From(chain.Tip.Hash, chain.Height, chain.TipDrivechainState);

    public void Dispose() => chain.Dispose();
}
