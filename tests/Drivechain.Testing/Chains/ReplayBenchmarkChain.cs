using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Testing.Chains;

/// <summary>
/// The replay speed scenario: <c>sidechains</c> slots activated together (one M1 each, auto-ACKed), then every block
/// carries an M4 over all active slots, a deposit (M5) to one slot, a bundle proposal (M3) for another, and the
/// payouts (M6) of the bundles that reached the inclusion threshold. SHORT thresholds.
/// </summary>
public static class ReplayBenchmarkChain
{
    /// <summary>Deposit per block (satoshis).</summary>
    public const long DepositAmount = 10_000_000;

    /// <summary>Payout of each bundle (satoshis).</summary>
    public const long PayoutAmount = 4_000_000;

    /// <summary>Builds the chain; <paramref name="progress"/> is called every 1,000 blocks with the height.</summary>
    public static ChainGenerator Generate(int blocks, int sidechains, Action<int>? progress = null, ChainGeneratorOptions? options = null)
    {
        if (sidechains is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(sidechains));
        var generator = new ChainGenerator(options);
        options = generator.Options;
        generator.ActivateSidechains(Enumerable.Range(0, sidechains)
            .Select(s => ((byte)s, ChainGenerator.Description($"sc{s}", $"benchmark sidechain {s}"))));
        // Coinbase outputs mature after 100 blocks: until then blocks carry only the coinbase messages.
        while (generator.Height < Math.Min(blocks, options.Network.CoinbaseMaturity + 1)) generator.Mine();

        var walletScript = generator.WalletKey.Script;
        while (generator.Height < blocks)
        {
            var height = generator.Height + 1;
            var draft = generator.Next();
            var depositSlot = (byte)(height % sidechains);
            draft.Deposit(depositSlot, DepositAmount, [.. "addr-"u8, depositSlot]);

            var bundleSlot = (byte)((height * 7 + 3) % sidechains);
            var model = generator.Tip.Model;
            if (model.PendingOf(bundleSlot).IsEmpty && model.CtipOf(bundleSlot) is { Value: >= PayoutAmount * 2 })
            {
                var payout = new TxOut(new Money(PayoutAmount), walletScript);
                var fee = new TxOut(new Money(height), walletScript);   // a distinct second output keeps every M6ID unique
                draft.ProposeBundle(new WithdrawalBundle(bundleSlot, [payout, fee], options.TransactionFee));
            }
            draft.Build();
            if (height % 1000 == 0) progress?.Invoke(height);
        }
        return generator;
    }
}
