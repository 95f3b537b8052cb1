using System.Collections.Immutable;
using System.Diagnostics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus;

namespace Drivechain.Node.Chain.Validation;

/// <summary>
/// The one block-validation pipeline: an ordered list of named stages, the Bitcoin rules of <see cref="BlockValidation"/>
/// then the drivechain rules of <see cref="DrivechainValidator"/>. Every judge of a block runs it: block connection
/// (<see cref="ChainManager.SubmitBlock(Bitcoin.Primitives.Block)"/>: the context-free and contextual phases on receipt,
/// the connect phase when the block becomes the tip) and <see cref="ChainManager.TestBlockValidity"/> (all phases at
/// once: getblocktemplate proposals, generateblock, the miner's own templates). Pure: the entry point supplies the
/// clock's "now", the coins and the drivechain state.
/// </summary>
public sealed class BlockPipeline(Network network, ISecp256k1 secp, DrivechainValidator drivechain, Action<string>? trace = null)
{
    private readonly Network _network = network;
    private readonly ISecp256k1 _secp = secp;
    private readonly Action<string>? _trace = trace;

    /// <summary>The stages, in the order they run: Bitcoin's <see cref="BaseBlockStages"/>, then the drivechain stage.</summary>
    public static ImmutableArray<BlockStage> Stages { get; } =
    [
        .. BaseBlockStages.All.Select(stage => new BlockStage(stage.Name, stage.Phase, false, (p, c) =>
            stage.Run(c, p._network, p._secp) is { } e ? BlockRejection.Base(e) : null)),
        // BIP300/301: the drivechain validator's own ordered stages (Drivechain.Consensus, docs/rules.md).
        new("drivechain-connect", BlockStagePhase.Connect, true, static (p, c) =>
        {
            var outcome = p.Drivechain.Connect(c.State!, c.Block, c.Height);
            if (outcome is ConnectOutcome.Rejected rejected) return BlockRejection.Drivechain(rejected.Rejection);
            c.Drivechain = (ConnectOutcome.Accepted)outcome;
            return null;
        }),
    ];

    /// <summary>The drivechain validator (the node's only one).</summary>
    public DrivechainValidator Drivechain { get; } = drivechain;

    /// <summary>Runs the stages of <paramref name="phase"/> in order; the first rejection ends the run.</summary>
    public BlockRejection? Run(BlockCheck check, BlockStagePhase phase)
    {
        ArgumentNullException.ThrowIfNull(check);
        foreach (var stage in Stages)
        {
            if (stage.Phase != phase) continue;
            _trace?.Invoke(stage.Name);
            long start = Stopwatch.GetTimestamp();
            var rejection = stage.Run(this, check);
            long spent = Stopwatch.GetTimestamp() - start;
            check.Ticks = stage.IsDrivechain ? check.Ticks with { Drivechain = check.Ticks.Drivechain + spent } : check.Ticks with { Bitcoin = check.Ticks.Bitcoin + spent };
            if (rejection is not null) return rejection;
        }
        return null;
    }

    /// <summary>Runs every stage, in order (Core's TestBlockValidity); the first rejection ends the run.</summary>
    public BlockRejection? RunAll(BlockCheck check) =>
        Run(check, BlockStagePhase.ContextFree) ?? Run(check, BlockStagePhase.ContextualHeader)
        ?? Run(check, BlockStagePhase.ContextualBlock) ?? Run(check, BlockStagePhase.Connect);

    /// <summary>
    /// The bits a block after <paramref name="parent"/> with <paramref name="time"/> must carry (Core's GetNextWorkRequired);
    /// the block assembler asks the same question for its templates as the header stage does.
    /// </summary>
    public static uint ExpectedBits(Network network, BlockIndex parent, uint time)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parent);
        return new ChainHistory(parent).GetNextWorkRequired(time, network);
    }
}
