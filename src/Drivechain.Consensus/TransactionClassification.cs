using System.Collections.Immutable;
using Drivechain.Consensus.Messages;

namespace Drivechain.Consensus;

/// <summary>
/// What a transaction would do against a tip state (spec §4.7.1, §2.4): its deposits (M5) and withdrawal
/// (M6) as events, whether it is a BMM request (M8), or why it would be rejected. Nothing is applied.
/// </summary>
/// <param name="Rejection">The §7 rejection, or null.</param>
/// <param name="Events">Deposit / bundle-succeeded events it would emit (empty when rejected or ordinary).</param>
/// <param name="BmmRequest">The M8 at its output 0, or null.</param>
public sealed record TransactionClassification(Rejection? Rejection, ImmutableArray<DrivechainEvent> Events, M8BmmRequest? BmmRequest)
{
    /// <summary>True when the transaction deposits to at least one slot.</summary>
    public bool IsDeposit => Events.Any(e => e is DrivechainEvent.DepositReceived);

    /// <summary>True when the transaction pays out a bundle.</summary>
    public bool IsWithdrawal => Events.Any(e => e is DrivechainEvent.BundleSucceeded);
}
