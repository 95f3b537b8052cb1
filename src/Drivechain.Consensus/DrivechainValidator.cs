using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.Rules;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus;

/// <summary>
/// BIP300/301 block validity as pure stages: state after the parent + block → new state + undo + events,
/// or a coded rejection. Base Bitcoin validity is the caller's concern. Thread-safe (no mutable fields).
/// </summary>
public sealed class DrivechainValidator
{
    private readonly TreasuryRule _treasury;

    /// <summary>A validator with the stages of spec §4.1 (<see cref="DrivechainStages.Create"/>).</summary>
    public DrivechainValidator(DrivechainParams parameters) : this(parameters, DrivechainStages.Create(parameters)) { }

    /// <summary>A validator with an explicit stage list (tests, dry runs).</summary>
    public DrivechainValidator(DrivechainParams parameters, ImmutableArray<IBlockStage> stages)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
        Stages = stages.IsDefault ? [] : stages;
        _treasury = new TreasuryRule(parameters);
    }

    /// <summary>The thresholds and activation height.</summary>
    public DrivechainParams Parameters { get; }

    /// <summary>The stages, in order.</summary>
    public ImmutableArray<IBlockStage> Stages { get; }

    /// <summary>
    /// Connects <paramref name="block"/> at <paramref name="height"/> on <paramref name="state"/> (the state
    /// after its parent, <c>block.Header.PreviousBlockHash</c>). Below the activation height the block is
    /// plain Bitcoin: accepted, and only the per-block records are cleared (§1.3).
    /// </summary>
    public ConnectOutcome Connect(DrivechainState state, Block block, int height)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(block);
        var draft = new StateDraft(state);
        if (height >= Parameters.ActivationHeight)
        {
            var context = BlockContext.Create(block, height);
            foreach (var stage in Stages)
            {
                var result = stage.Apply(context, draft);
                if (!result.Passed) return new ConnectOutcome.Rejected(result.Rejection!, stage.Id);
            }
        }
        var undo = draft.ToUndo();
        var events = draft.Events;
        return new ConnectOutcome.Accepted(draft.ToState(), undo, events);
    }

    /// <summary>The state before the block whose undo is <paramref name="undo"/> (spec §5).</summary>
    public DrivechainState Disconnect(DrivechainState state, BlockUndo undo)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(undo);
        return undo.Revert(state);
    }

    /// <summary>
    /// Classifies <paramref name="tx"/> against <paramref name="tip"/> (M5 / M6 / M8) without applying it:
    /// the same checks as <see cref="CheckTransaction"/>, plus the deposit and withdrawal events it would emit.
    /// </summary>
    public TransactionClassification ClassifyTransaction(DrivechainState tip, UInt256 tipHash, Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(tx);
        var draft = new StateDraft(tip);
        var result = _treasury.Apply(tx, draft);
        _ = M8BmmRequest.TryParse(tx, out var m8);
        if (result.Passed && m8 is not null) result = M8BmmRequestRule.CheckForMempool(m8, tipHash);
        return new TransactionClassification(result.Rejection, result.Passed ? draft.Events : [], m8);
    }

    /// <summary>
    /// Mempool acceptance (spec §7): <paramref name="tx"/> alone against the tip state with the §4.7
    /// treasury rules (no effects kept), and an M8 must name <paramref name="tipHash"/>. Null when acceptable.
    /// </summary>
    public Rejection? CheckTransaction(DrivechainState tip, UInt256 tipHash, Transaction tx)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(tx);
        var result = _treasury.Apply(tx, new StateDraft(tip));
        if (!result.Passed) return result.Rejection;
        if (M8BmmRequest.TryParse(tx, out var m8))
        {
            result = M8BmmRequestRule.CheckForMempool(m8, tipHash);
            if (!result.Passed) return result.Rejection;
        }
        return null;
    }
}
