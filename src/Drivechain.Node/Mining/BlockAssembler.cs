using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;
using Drivechain.Consensus.Messages;
using Drivechain.Node.Chain;
using Drivechain.Node.Chain.Validation;
using Drivechain.Node.Hosting;
using Drivechain.Node.Mempool;

namespace Drivechain.Node.Mining;

/// <summary>
/// Builds block templates for getblocktemplate and the internal miner alike: mempool transactions by ancestor fee
/// rate within the weight and sigop limits, the drivechain coinbase messages of the <see cref="MinerPolicy"/>, approved
/// M6 payouts, the BMM accepts, and the witness commitment; every template passes the block pipeline
/// (<see cref="ChainManager.TestBlockValidity"/>, with the mempool as script cache) before it is returned. Call holding the chain lock (<see cref="NodeChain.EnterLock"/>).
/// </summary>
public sealed partial class BlockAssembler(NodeChain node, NodeMempool mempool, MinerPolicy policy, TimeProvider clock)
{
    /// <summary>Core's default block version with BIP9 top bits.</summary>
    public const int BlockVersion = 0x20000000;

    private const int CoinbaseReserveWeight = 4000;
    private const int CoinbaseReserveSigOps = 400;
    private const int MaxRetries = 32;

    /// <summary>
    /// A template paying <paramref name="coinbaseScript"/>. With <paramref name="fixedTransactions"/> exactly those
    /// transactions are used, in that order (generateblock); otherwise the mempool is selected from.
    /// </summary>
    public BlockTemplate Create(Script coinbaseScript, IReadOnlyList<Transaction>? fixedTransactions = null)
    {
        var chain = node.Chain;
        var tip = chain.Tip;
        var height = tip.Height + 1;
        var mtp = tip.GetMedianTimePast();
        var time = (uint)Math.Max(mtp + 1, clock.GetUtcNow().ToUnixTimeSeconds());
        var bits = BlockPipeline.ExpectedBits(chain.Network, tip, time);
        var drivechainActive = height >= node.Params.ActivationHeight;

        var plan = drivechainActive ? PlanDrivechain(chain, tip.Hash) : DrivechainPlan.Empty;
        var excluded = new HashSet<MempoolEntry>();
        foreach (var e in plan.ExcludedEntries) excluded.UnionWith(mempool.Pool.GetDescendants(e, includeSelf: true));

        List<MempoolEntry>? selected = null;
        List<Transaction> chosen;
        if (fixedTransactions is null)
        {
            selected = SelectPackages(excluded, plan);
            chosen = selected.Select(e => e.Transaction).ToList();
        }
        else
        {
            chosen = [.. fixedTransactions];
        }

        for (var attempt = 0; ; attempt++)
        {
            var template = Build(chain, tip, height, time, bits, coinbaseScript, chosen, plan, drivechainActive, mtp);
            var problem = chain.TestBlockValidity(template.Block, scriptCache: mempool);
            if (problem is null) return template;
            if (attempt >= MaxRetries || fixedTransactions is not null) throw Invalid(problem);
            // Drop the latest drivechain-relevant transaction (or, for a base-rule failure, the latest transaction) and retry.
            var drop = problem is BlockRejection.BaseRule
                ? chosen.LastOrDefault()
                : chosen.LastOrDefault(t => IsDrivechainRelevant(t, chain));
            if (drop is null)
            {
                if (plan.Payouts.Count > 0)
                {
                    plan = plan with { Payouts = [] };
                    continue;
                }
                throw Invalid(problem);
            }
            RemoveWithDependents(chosen, drop);
        }
    }

    /// <summary>A template that cannot be made valid: Core's TestBlockValidity state text ("reason" or "CODE: detail").</summary>
    private static InvalidOperationException Invalid(BlockRejection problem) =>
        new(problem is BlockRejection.BaseRule ? problem.Reason : $"{problem.Code}: {problem.Reason}");

    private BlockTemplate Build(ChainManager chain, BlockIndex tip, int height, uint time, uint bits, Script coinbaseScript,
        List<Transaction> chosen, DrivechainPlan plan, bool drivechainActive, uint mtp)
    {
        var payouts = plan.Payouts.Select(p => p.Transaction).ToList();
        var all = chosen.Concat(payouts).ToList();
        var view = new TemplateCoins(chain, all);
        var entries = new List<TemplateTransaction>();
        long fees = 0;
        var positions = new Dictionary<UInt256, int>();
        foreach (var tx in all)
        {
            var spent = view.Spent(tx);
            var fee = spent.Sum(o => o.Value.Satoshis) - tx.TotalOutputSatoshis;
            var depends = tx.Inputs.Select(i => positions.TryGetValue(i.PrevOut.TxId, out var p) ? p : -1).Where(p => p >= 0).Distinct().ToList();
            var sigops = SigOpCounter.GetTransactionSigOpCost(tx, spent, Bitcoin.Scripting.ScriptVerifyFlags.P2SH | Bitcoin.Scripting.ScriptVerifyFlags.Witness);
            positions[tx.TxId] = entries.Count + 1;
            entries.Add(new TemplateTransaction(tx, fee, sigops, depends));
            fees += fee;
        }

        var messages = drivechainActive ? CoinbaseMessages(chain, all, plan) : [];
        var coinbaseValue = chain.Network.GetBlockSubsidy(height).Satoshis + fees;
        var hasWitness = all.Any(t => t.HasWitness);
        var commitment = hasWitness || height >= chain.Network.SegwitHeight ? WitnessCommitment(all) : (Script?)null;
        var coinbase = CreateCoinbase(height, coinbaseScript, coinbaseValue, messages, commitment);
        var transactions = ImmutableArray.CreateBuilder<Transaction>(all.Count + 1);
        transactions.Add(coinbase);
        transactions.AddRange(all);
        var txs = transactions.MoveToImmutable();
        var merkle = MerkleTree.ComputeRoot(txs.Select(t => t.TxId).ToArray(), out _);
        var header = new BlockHeader(BlockVersion, tip.Hash, merkle, time, bits, 0);
        return new BlockTemplate(new Block(header, txs), height, coinbaseValue, fees, [.. entries], messages, commitment, mtp + 1);
    }

    /// <summary>The coinbase: BIP34 height + OP_0, the reward, the drivechain messages, then the witness commitment.</summary>
    public static Transaction CreateCoinbase(int height, Script payTo, long value, IReadOnlyList<Script> messages, Script? witnessCommitment)
    {
        var scriptSig = new ScriptBuilder().Raw(CoinbaseHeight.Encode(height)).Op(OpcodeType.OP_0).ToScript();
        var outputs = ImmutableArray.CreateBuilder<TxOut>();
        outputs.Add(new TxOut(new Money(value), payTo));
        foreach (var message in messages) outputs.Add(new TxOut(Money.Zero, message));
        if (witnessCommitment is { } c) outputs.Add(new TxOut(Money.Zero, c));
        var witness = witnessCommitment is null ? Witness.Empty : Witness.Of(new byte[32]);
        return new Transaction(2, [new TxIn(OutPoint.Null, scriptSig, TxIn.SequenceFinal, witness)], outputs.ToImmutable(), 0);
    }

    /// <summary>BIP141 commitment <c>6a24aa21a9ed</c> ‖ SHA256d(witness root ‖ 32 zero bytes).</summary>
    public static Script WitnessCommitment(IReadOnlyList<Transaction> nonCoinbase)
    {
        var ids = new UInt256[nonCoinbase.Count + 1];
        for (var i = 0; i < nonCoinbase.Count; i++) ids[i + 1] = nonCoinbase[i].WTxId;
        var root = MerkleTree.ComputeRoot(ids, out _);
        var buffer = new byte[64];
        root.WriteTo(buffer);
        var commitment = Bitcoin.Crypto.Hashes.Sha256d(buffer);
        var script = new byte[38];
        new byte[] { 0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed }.CopyTo(script, 0);
        commitment.WriteTo(script.AsSpan(6));
        return new Script(script);
    }

    private static bool IsDrivechainRelevant(Transaction tx, ChainManager chain)
    {
        if (M8BmmRequest.TryParse(tx, out _)) return true;
        foreach (var output in tx.Outputs)
            if (TreasuryScript.TryParse(output.ScriptPubKey.Span, out _)) return true;
        foreach (var input in tx.Inputs)
            if (chain.TryGetCoin(input.PrevOut, out var coin) && TreasuryScript.TryParse(coin.Output.ScriptPubKey.Span, out _)) return true;
        return false;
    }

    private static void RemoveWithDependents(List<Transaction> chosen, Transaction drop)
    {
        var removed = new HashSet<UInt256> { drop.TxId };
        var kept = new List<Transaction>();
        foreach (var tx in chosen)
        {
            if (removed.Contains(tx.TxId) || tx.Inputs.Any(i => removed.Contains(i.PrevOut.TxId))) removed.Add(tx.TxId);
            else kept.Add(tx);
        }
        chosen.Clear();
        chosen.AddRange(kept);
    }

    /// <summary>Coins for fee/sigop accounting: the UTXO set plus outputs of earlier template transactions.</summary>
    private sealed class TemplateCoins(ChainManager chain, IReadOnlyList<Transaction> txs)
    {
        private readonly Dictionary<UInt256, Transaction> _byId = txs.ToDictionary(t => t.TxId);

        public TxOut[] Spent(Transaction tx) => tx.Inputs.Select(i =>
            _byId.TryGetValue(i.PrevOut.TxId, out var parent) && i.PrevOut.Index < parent.Outputs.Length
                ? parent.Outputs[(int)i.PrevOut.Index]
                : chain.TryGetCoin(i.PrevOut, out var coin) ? coin.Output : new TxOut(Money.Zero, Script.Empty)).ToArray();
    }
}
