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

    /// <summary>The stages, in the order they run.</summary>
    public static ImmutableArray<BlockStage> Stages { get; } =
    [
        // Size, proof of work (unless a template), merkle root and mutation, coinbase first, transaction checks, sigops.
        new("check-block", BlockStagePhase.ContextFree, false, static (p, c) =>
            BlockValidation.CheckBlock(c.Block, p._network, c.CheckProofOfWork) is { } e ? BlockRejection.Base(e) : null),
        // Difficulty bits, time after median-time-past and within two hours of now, version by height.
        new("contextual-check-block-header", BlockStagePhase.ContextualHeader, false, static (p, c) =>
        {
            var parent = c.Parent!;
            var bits = ExpectedBits(p._network, parent, c.Block.Header.Time);
            return BlockValidation.ContextualCheckBlockHeader(c.Block.Header, c.Height, bits, parent.GetMedianTimePast(),
                parent.Header.Time, c.Now, p._network) is { } e ? BlockRejection.Base(e) : null;
        }),
        // Locktime finality, BIP34 height in the coinbase, witness commitment, weight.
        new("contextual-check-block", BlockStagePhase.ContextualBlock, false, static (p, c) =>
            BlockValidation.ContextualCheckBlock(c.Block, c.Height, c.Parent!.GetMedianTimePast(), p._network) is { } e ? BlockRejection.Base(e) : null),
        // Inputs present and mature, amounts, BIP68 sequence locks, sigop cost, coinbase amount, scripts under the height's flags.
        new("connect-block", BlockStagePhase.Connect, false, static (p, c) =>
        {
            var result = BlockValidation.ConnectBlock(c.Block, c.Height, c.Coins!, new ChainHistory(c.Parent!), p._network, p._secp, c.ScriptMode, c.ScriptCache);
            if (result is ConnectBlockResult.Rejected rejected) return BlockRejection.Base(rejected.Error);
            c.Delta = ((ConnectBlockResult.Accepted)result).Delta;
            return null;
        }),
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
    /// The bits a block after <paramref name="parent"/> with <paramref name="time"/> must carry: Core's GetNextWorkRequired,
    /// with the minimum-difficulty walk (within a period, a block not more than 20 minutes after its parent takes the bits of
    /// the last block that did not use the limit) answered from <see cref="BlockIndex.MinDifficultyWalkBits"/>.
    /// The block assembler asks the same question for its templates.
    /// </summary>
    public static uint ExpectedBits(Network network, BlockIndex parent, uint time)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parent);
        if ((parent.Height + 1) % network.DifficultyAdjustmentInterval != 0 && network.PowAllowMinDifficultyBlocks
            && time <= (long)parent.Header.Time + network.PowTargetSpacing * 2)
            return parent.MinDifficultyWalkBits;
        var last = new PowHeader(parent.Height, parent.Header.Time, parent.Header.Bits);
        return network.GetNextWorkRequired(last, time, new ChainHistory(parent));
    }
}
