using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>One stage of block connect (spec §4.1). Pure: no I/O, clock, randomness or logging.</summary>
public interface IBlockStage
{
    /// <summary>Which stage.</summary>
    StageId Id { get; }

    /// <summary>Applies the stage to <paramref name="state"/>; stops at the first broken rule.</summary>
    RuleResult Apply(BlockContext block, StateDraft state);
}
