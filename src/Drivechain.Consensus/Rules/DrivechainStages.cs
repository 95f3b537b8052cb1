using System.Collections.Immutable;

namespace Drivechain.Consensus.Rules;

/// <summary>The block stages of spec §4.1.</summary>
public static class DrivechainStages
{
    /// <summary>Spec §4.1, in order. Change it only with a spec reference and a vector.</summary>
    public static ImmutableArray<IBlockStage> Create(DrivechainParams p) =>
        [new DuplicateMessagesStage(), new ApplyCoinbaseMessagesStage(p), new ProposalExpiryStage(p),
         new BundleExpiryStage(p), new TransactionsStage(p)];      // §4.2, §4.3, §4.5, §4.6, §4.7
}
