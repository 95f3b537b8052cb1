using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;

namespace Drivechain.Testing.Consensus;

/// <summary>
/// A seeded random block builder: proposals, ACKs, bundles, every M4 version, deposits, withdrawals and
/// BMM pairs over a few slots (including 255), plus deliberately invalid blocks that must be rejected.
/// The same seed gives the same chain.
/// </summary>
public sealed class RandomChainGenerator
{
    private static readonly byte[] Slots = [0, 1, 2, 5, 255];
    private readonly Random _random;
    private readonly Dictionary<M6Id, Transaction> _blinded = [];
    private int _counter;

    /// <summary>A generator over <paramref name="parameters"/> (SHORT-like thresholds make things happen).</summary>
    public RandomChainGenerator(int seed, DrivechainParams parameters)
    {
        _random = new Random(seed);
        Chain = new ChainBuilder(parameters);
    }

    /// <summary>The chain being built (its validator judged every block).</summary>
    public ChainBuilder Chain { get; }

    /// <summary>Blocks offered that were rejected, with their code (the chain did not move).</summary>
    public List<(Block Block, RejectCode Code)> Rejected { get; } = [];

    /// <summary>Offers <paramref name="count"/> valid blocks (and some invalid ones in between).</summary>
    public RandomChainGenerator Generate(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_random.NextDouble() < 0.1) OfferInvalid();
            var outcome = Chain.Submit(BuildValid());
            if (outcome is ConnectOutcome.Rejected r)
                throw new InvalidOperationException($"generator built an invalid block at {Chain.Height + 1}: {r.Rejection}");
        }
        return this;
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private Block BuildValid()
    {
        var state = Chain.State;
        var b = Chain.NextBlock();
        int height = b.Height;
        var active = state.ActiveSidechains;

        // M4 first (vout order), so that its ASN and lists are those of the tip.
        if (Chance(0.8)) b.WithM4(RandomM4(state));

        foreach (var slot in Slots)
        {
            var proposals = state.GetProposals(slot);
            if (!proposals.IsEmpty && Chance(0.7)) b.WithM2(slot, proposals[_random.Next(proposals.Length)].DescriptionHash);
        }
        if (Chance(0.3))
        {
            var slot = Slots[_random.Next(Slots.Length)];
            b.WithM1(slot, Ids.Description($"d{_random.Next(3)}"));
        }

        var withdrawnSlots = new HashSet<byte>();
        foreach (var sc in active)
        {
            var bundles = state.GetPendingBundles(sc.Slot);
            var ctip = state.GetCtip(sc.Slot);
            // Withdrawals: an approved bundle that stays approved whatever this block's M4 does.
            if (ctip is { } c && Chance(0.6))
            {
                foreach (var bundle in bundles)
                {
                    if (bundle.Acks < Chain.Params.WithdrawalBundleInclusionThreshold + 2 ||
                        height - bundle.ProposalHeight > Chain.Params.WithdrawalBundleMaxAge) continue;
                    var blinded = _blinded[bundle.M6Id];
                    if (blinded.Outputs.Skip(1).Sum(o => o.Value.Satoshis) + 100 > c.Value.Satoshis) continue;
                    b.WithTransaction(DrivechainTransactions.Withdrawal(blinded, sc.Slot, c));
                    withdrawnSlots.Add(sc.Slot);
                    break;
                }
            }
            if (Chance(0.3))
            {
                var blinded = DrivechainTransactions.BlindedWithdrawal(new Money(100),
                    (DrivechainTransactions.PayoutScript((byte)_random.Next(256)), new Money(_random.Next(1_000, 50_000))));
                var id = M6Id.OfBlinded(blinded);
                if (bundles.All(x => x.M6Id != id))
                {
                    _blinded[id] = blinded;
                    b.WithM3(sc.Slot, id);
                }
            }
        }

        // Deposits (one or two chained) to slots without a withdrawal in this block.
        foreach (var sc in active)
        {
            if (withdrawnSlots.Contains(sc.Slot) || !Chance(0.35)) continue;
            var ctip = state.GetCtip(sc.Slot);
            int deposits = Chance(0.3) ? 2 : 1;
            for (int i = 0; i < deposits; i++)
            {
                var tx = DrivechainTransactions.Deposit(sc.Slot, ctip, new Money(_random.Next(100_000, 1_000_000)), "a"u8, Chain.NextFunding());
                b.WithTransaction(tx);
                ctip = new Ctip(new OutPoint(tx.TxId, 0), tx.Outputs[0].Value);
            }
        }

        if (Chance(0.25))
        {
            var slot = Slots[_random.Next(Slots.Length)];
            var h = Ids.SidechainBlock(++_counter);
            b.WithM7(slot, h);
            if (Chance(0.7)) b.WithTransaction(DrivechainTransactions.BmmRequest(slot, h, Chain.TipHash, Chain.NextFunding()));
        }
        if (Chance(0.2)) b.WithTransaction(DrivechainTransactions.Ordinary(Chain.NextFunding()));
        return b.Build();
    }

    private M4AckBundles RandomM4(DrivechainState state)
    {
        var active = state.ActiveSidechains;
        double roll = _random.NextDouble();
        if (roll < 0.2) return M4AckBundles.RepeatPrevious();
        if (roll < 0.3) return M4AckBundles.UpvoteLeadingBy50();
        var votes = new ushort[active.Length];
        for (int i = 0; i < votes.Length; i++)
        {
            int pending = state.GetPendingBundles(active[i].Slot).Length;
            double r = _random.NextDouble();
            votes[i] = r < 0.2 ? M4AckBundles.Abstain : r < 0.3 ? M4AckBundles.Alarm
                : pending == 0 ? M4AckBundles.Abstain : (ushort)(r < 0.8 ? 0 : _random.Next(pending));
        }
        if (roll < 0.4 && votes.Any(v => v > M4AckBundles.MaxOneByteIndex)) return M4AckBundles.TwoBytes(votes);
        return new M4AckBundles(M4Version.VotesOneByte, [.. votes]);
    }

    private void OfferInvalid()
    {
        var state = Chain.State;
        var b = Chain.NextBlock();
        int kind = _random.Next(4);
        RejectCode expected;
        switch (kind)
        {
            case 0:
                b.WithM4(M4AckBundles.RepeatPrevious()).WithM4(M4AckBundles.RepeatPrevious());
                expected = RejectCode.M4Duplicate;
                break;
            case 1:
                b.WithM3(200, Ids.M6(++_counter));
                expected = RejectCode.M3InactiveSidechain;
                break;
            case 2:
                b.WithM4(new M4AckBundles(M4Version.VotesOneByte, [.. Enumerable.Repeat(M4AckBundles.Abstain, state.ActiveSlotCount + 1)]));
                expected = RejectCode.M4VoteCountMismatch;
                break;
            default:
                b.WithTransaction(DrivechainTransactions.BmmRequest(3, Ids.SidechainBlock(++_counter), Chain.TipHash, Chain.NextFunding()));
                expected = RejectCode.M8NotAccepted;
                break;
        }
        var block = b.Build();
        var digest = state.ComputeDigest();
        if (Chain.Submit(block) is not ConnectOutcome.Rejected rejected || rejected.Rejection.Code != expected)
            throw new InvalidOperationException($"invalid block of kind {kind} was not rejected with {expected}");
        if (Chain.State.ComputeDigest() != digest) throw new InvalidOperationException("a rejected block changed the state");
        Rejected.Add((block, expected));
    }
}
