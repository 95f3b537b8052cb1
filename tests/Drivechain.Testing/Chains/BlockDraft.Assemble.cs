using System.Collections.Immutable;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Testing.Chains;

public sealed partial class BlockDraft
{
    private static readonly byte[] WitnessReservedValue = new byte[32];

    private (Block Block, DrivechainModel Model, Wallet Wallet) Assemble()
    {
        var options = _generator.Options;
        var model = new ModelDraft(_parent.Model, options.Thresholds, Height);
        var messages = new List<Script>();

        // Apply pass in vout order (spec §4.1): M1s, M2s, M3s, the M4, then M7s.
        foreach (var (slot, description) in _m1)
        {
            messages.Add(DrivechainScripts.M1(slot, description.AsSpan()));
            model.ApplyM1(slot, description);
        }
        foreach (var (slot, hash) in CollectAcks())
        {
            messages.Add(DrivechainScripts.M2(slot, hash));
            model.ApplyM2(slot, hash);
        }
        foreach (var (slot, m6Id, spec) in _m3)
        {
            messages.Add(DrivechainScripts.M3(slot, m6Id));
            model.ApplyM3(slot, m6Id, spec);
        }
        var votes = _withoutM4 ? null : _m4Votes ?? AutoVotes(model, options);
        if (votes is not null)
        {
            messages.Add(DrivechainScripts.M4OneByte(votes));
            model.ApplyM4OneByte(votes);
        }
        model.Expire();

        var context = new BuildContext(options, _generator.WalletKey, _parent.Wallet, model);
        foreach (var transaction in _transactions) transaction(context);
        if (options.AutoPayout) PayApprovedBundles(context, options.Thresholds);
        foreach (var (slot, commitment) in _m7) messages.Add(DrivechainScripts.M7(slot, commitment));

        var coinbase = BuildCoinbase(options, context, messages);
        ImmutableArray<Transaction> transactions = [coinbase, .. context.Transactions];
        var block = Mine(options, transactions);
        var wallet = context.ToWallet(new WalletCoin(new OutPoint(coinbase.TxId, 0), coinbase.Outputs[0].Value.Satoshis,
            _generator.WalletKey.Script, Height, true));
        return (block, model.ToModel(), wallet);
    }

    private List<(byte Slot, UInt256 Hash)> CollectAcks()
    {
        var acks = new List<(byte, UInt256)>(_m2);
        if (!_generator.Options.AutoAckProposals) return acks;
        var acked = new HashSet<byte>(_m2.Select(a => a.Slot));
        foreach (var proposal in _parent.Model.Proposals)
            if (acked.Add(proposal.Slot)) acks.Add((proposal.Slot, proposal.Hash));
        return acks;
    }

    private static byte[]? AutoVotes(ModelDraft model, ChainGeneratorOptions options)
    {
        if (!options.AutoVoteBundles) return null;
        var slots = model.ActiveSlots.ToArray();
        if (slots.Length == 0) return null;
        var votes = new byte[slots.Length];
        for (int i = 0; i < slots.Length; i++) votes[i] = model.PendingOf(slots[i]).IsEmpty ? (byte)0xff : (byte)0;
        return votes;
    }

    private static void PayApprovedBundles(BuildContext context, ChainThresholds thresholds)
    {
        foreach (var slot in context.Model.ActiveSlots.ToArray())
        {
            foreach (var bundle in context.Model.PendingOf(slot).ToArray())
                if (bundle.Acks > thresholds.WithdrawalBundleInclusionThreshold) context.TryPayout(bundle, slot);
        }
    }

    private Transaction BuildCoinbase(ChainGeneratorOptions options, BuildContext context, List<Script> messages)
    {
        var scriptSig = new ScriptBuilder().Push(Height).Push(BitConverter.GetBytes(_generator.BranchId)).ToScript();
        var reward = options.Network.GetBlockSubsidy(Height).Satoshis + context.Fees;
        var outputs = new List<TxOut> { new(new Money(reward), _generator.WalletKey.Script) };
        outputs.AddRange(messages.Select(m => new TxOut(Money.Zero, m)));
        outputs.AddRange(_extraCoinbaseOutputs.Select(m => new TxOut(Money.Zero, m)));
        var hasWitness = context.Transactions.Any(t => t.HasWitness);
        var input = new TxIn(OutPoint.Null, scriptSig, TxIn.SequenceFinal);
        if (!hasWitness) return new Transaction(2, [input], [.. outputs], 0);

        // BIP141 commitment: sha256d(witness root ‖ reserved value), coinbase wtxid counted as zero.
        var draft = new Block(new BlockHeader(0, UInt256.Zero, UInt256.Zero, 0, 0, 0),
            [new Transaction(2, [input], [.. outputs], 0), .. context.Transactions]);
        var root = draft.ComputeWitnessMerkleRoot(out _);
        var commitment = Hashes.Sha256d([.. root.ToBytes(), .. WitnessReservedValue]);
        outputs.Add(new TxOut(Money.Zero, new Script((byte[])[0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed, .. commitment.ToBytes()])));
        return new Transaction(2, [input with { Witness = Witness.Of(WitnessReservedValue) }], [.. outputs], 0);
    }

    private Block Mine(ChainGeneratorOptions options, ImmutableArray<Transaction> transactions)
    {
        var time = _time ?? Math.Max(_parent.Time + 1, _parent.MedianTimePast + 1);
        var unmined = new Block(new BlockHeader(0x20000000, _parent.Hash, UInt256.Zero, time, 0, 0), transactions);
        var merkleRoot = unmined.ComputeMerkleRoot(out _);
        var header = new BlockHeader(0x20000000, _parent.Hash, merkleRoot, time, options.Network.PowLimitBits, 0);
        for (uint nonce = 0; !header.CheckProofOfWork(options.Network.PowLimit); nonce++) header = header.WithNonce(nonce + 1);
        return new Block(header, transactions);
    }
}
