using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;

namespace Drivechain.Testing.Consensus;

/// <summary>
/// The benchmark chain: 255 sidechains activated through real M1/M2 blocks (unused-slot threshold 0), one
/// bundle proposed on every slot, then per block a 255-entry v1 M4 (upvote the oldest pending bundle),
/// rotating M3s, several deposits and, once a bundle is approved, its M6. Mainnet thresholds otherwise,
/// except a short bundle max age and inclusion threshold so that lists stay a few bundles long.
/// </summary>
public static class HeavyChainGenerator
{
    /// <summary>The parameters the chain is valid under.</summary>
    public static DrivechainParams Params { get; } = DrivechainParams.Mainnet with
    {
        UnusedSlotActivationThreshold = 0,
        WithdrawalBundleMaxAge = 300,
        WithdrawalBundleInclusionThreshold = 100,
    };

    /// <summary>Builds <paramref name="blockCount"/> blocks (heights 1..count) on a fake genesis.</summary>
    public static List<Block> Generate(int blockCount, int sidechains = 255, int depositsPerBlock = 6, int bundlesPerBlock = 5)
    {
        var chain = new ChainBuilder(Params);
        var blinded = new Dictionary<M6Id, Transaction>();
        var descriptions = Enumerable.Range(0, sidechains).Select(s => Ids.Description($"sc{s}")).ToArray();
        chain.Mine(b =>
        {
            for (int s = 0; s < sidechains; s++) b.WithM1((byte)s, descriptions[s]);
        });
        chain.Mine(b =>
        {
            for (int s = 0; s < sidechains; s++) b.WithM2((byte)s, Bitcoin.Crypto.Hashes.Sha256d(descriptions[s]));
        });
        int counter = 0;
        M6Id NewBundle()
        {
            var tx = DrivechainTransactions.BlindedWithdrawal(new Money(500),
                (DrivechainTransactions.PayoutScript((byte)counter), new Money(10_000 + counter)));
            counter++;
            var id = M6Id.OfBlinded(tx);
            blinded[id] = tx;
            return id;
        }
        chain.Mine(b =>
        {
            for (int s = 0; s < sidechains; s++) b.WithM3((byte)s, NewBundle());
        });

        int rotation = 0, depositRotation = 0;
        while (chain.Height < blockCount)
        {
            var state = chain.State;
            var b = chain.NextBlock();
            var votes = new byte[sidechains];
            for (int s = 0; s < sidechains; s++) votes[s] = state.GetPendingBundles((byte)s).IsEmpty ? (byte)0xff : (byte)0;
            b.WithM4(M4AckBundles.OneByte(votes));
            for (int i = 0; i < bundlesPerBlock; i++) b.WithM3((byte)(rotation++ % sidechains), NewBundle());

            var paid = new HashSet<byte>();
            for (int s = 0; s < sidechains; s++)
            {
                var bundles = state.GetPendingBundles((byte)s);
                if (bundles.IsEmpty || state.GetCtip((byte)s) is not { } ctip) continue;
                var oldest = bundles[0];
                if (oldest.Acks < Params.WithdrawalBundleInclusionThreshold + 1 ||
                    b.Height - oldest.ProposalHeight > Params.WithdrawalBundleMaxAge) continue;
                b.WithTransaction(DrivechainTransactions.Withdrawal(blinded[oldest.M6Id], (byte)s, ctip));
                paid.Add((byte)s);
            }
            for (int i = 0; i < depositsPerBlock; i++)
            {
                var slot = (byte)(depositRotation++ % sidechains);
                if (paid.Contains(slot)) continue;
                b.WithTransaction(DrivechainTransactions.Deposit(slot, state.GetCtip(slot), new Money(1_000_000), "addr"u8, chain.NextFunding()));
            }
            chain.Submit(b.Build()).Should();
            if (chain.Height != b.Height) throw new InvalidOperationException($"heavy chain block {b.Height} was rejected");
        }
        return chain.Connected.Select(c => c.Block).ToList();
    }

    private static ConnectOutcome Should(this ConnectOutcome outcome) =>
        outcome is ConnectOutcome.Rejected r ? throw new InvalidOperationException(r.Rejection.ToString()) : outcome;
}
