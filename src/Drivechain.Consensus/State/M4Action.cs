using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus.State;

/// <summary>One entry of a block's M4 record: the action applied to a slot (spec §3.6, §4.3.4).</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Kind">Upvote or alarm.</param>
/// <param name="M6Id">The upvoted bundle (default for an alarm).</param>
public readonly record struct M4Action(byte Slot, M4ActionKind Kind, M6Id M6Id)
{
    /// <summary>UPVOTE(slot, m6id).</summary>
    public static M4Action Upvote(byte slot, M6Id m6Id) => new(slot, M4ActionKind.Upvote, m6Id);
    /// <summary>ALARM(slot).</summary>
    public static M4Action Alarm(byte slot) => new(slot, M4ActionKind.Alarm, default);
}
