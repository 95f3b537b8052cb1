using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Bitcoin's block rules as one ordered list of named stages over <see cref="BlockValidation"/> — the base of every
/// block pipeline: the node appends the drivechain stage to exactly this list, and the Bitcoin tests run it as is.
/// </summary>
public static class BaseBlockStages
{
    /// <summary>The stages, in the order they run.</summary>
    public static ImmutableArray<BaseBlockStage> All { get; } =
    [
        // Size, proof of work (unless a template), merkle root and mutation, coinbase first, transaction checks, sigops.
        new("check-block", BlockStagePhase.ContextFree, static (c, network, _) =>
            BlockValidation.CheckBlock(c.Block, network, c.CheckProofOfWork)),
        // Difficulty bits, time after median-time-past and within two hours of now, version by height, BIP94 timewarp.
        new("contextual-check-block-header", BlockStagePhase.ContextualHeader, static (c, network, _) =>
        {
            var parent = c.Parent!;
            return BlockValidation.ContextualCheckBlockHeader(c.Block.Header, c.Height, parent.GetNextWorkRequired(c.Block.Header.Time, network),
                parent.GetMedianTimePast(), parent.Time, c.Now, network);
        }),
        // Locktime finality, BIP34 height in the coinbase, witness commitment, weight.
        new("contextual-check-block", BlockStagePhase.ContextualBlock, static (c, network, _) =>
            BlockValidation.ContextualCheckBlock(c.Block, c.Height, c.Parent!.GetMedianTimePast(), network)),
        // Inputs present and mature, amounts, BIP68 sequence locks, sigop cost, coinbase amount, scripts under the height's flags.
        new("connect-block", BlockStagePhase.Connect, static (c, network, secp) =>
        {
            var result = BlockValidation.ConnectBlock(c.Block, c.Height, c.Coins!, c.Parent!.History, network, secp, c.ScriptMode, c.ScriptCache);
            if (result is ConnectBlockResult.Rejected rejected) return rejected.Error;
            c.Delta = ((ConnectBlockResult.Accepted)result).Delta;
            return null;
        }),
    ];

    /// <summary>Runs every stage in order (Core's TestBlockValidity without a node's own stages); the first rule broken ends the run.</summary>
    public static BlockValidationError? RunAll(BaseBlockCheck check, Network network, ISecp256k1 secp)
    {
        ArgumentNullException.ThrowIfNull(check);
        foreach (var stage in All)
            if (stage.Run(check, network, secp) is { } error) return error;
        return null;
    }
}
