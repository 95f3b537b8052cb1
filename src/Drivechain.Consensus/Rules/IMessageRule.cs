using Drivechain.Consensus.State;

namespace Drivechain.Consensus.Rules;

/// <summary>The rule for one message type. Pure: no I/O, clock, randomness or logging.</summary>
public interface IMessageRule<in TMessage>
{
    /// <summary>Applies <paramref name="message"/> to <paramref name="state"/>.</summary>
    RuleResult Apply(TMessage message, BlockContext block, StateDraft state);
}
