using System.Collections.Immutable;
using Drivechain.Consensus.State;

namespace Drivechain.Consensus;

/// <summary>The verdict of <see cref="DrivechainValidator.Connect"/>.</summary>
public abstract record ConnectOutcome
{
    private ConnectOutcome() { }

    /// <summary>The block is valid: the new state, its undo and what happened.</summary>
    public sealed record Accepted(DrivechainState State, BlockUndo Undo, ImmutableArray<DrivechainEvent> Events) : ConnectOutcome;

    /// <summary>The block is invalid: the first rule broken (spec §4.1 order) and the stage that found it.</summary>
    public sealed record Rejected(Rejection Rejection, StageId Stage) : ConnectOutcome;
}
