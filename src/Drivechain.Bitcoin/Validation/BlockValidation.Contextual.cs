using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

public static partial class BlockValidation
{
    /// <summary>
    /// Core's ContextualCheckBlockHeader for a header at <paramref name="height"/>: bits equal
    /// <paramref name="expectedBits"/> (the caller's <see cref="Network.GetNextWorkRequired"/>), time after the
    /// parent's median time past, on testnet4 (BIP94) the first block of a period no more than 600 s before its parent,
    /// time at most two hours after <paramref name="now"/> (Unix seconds; <see cref="BlockValidationResult.TimeFuture"/>),
    /// and version ≥ 2, 3, 4 once BIP34, BIP66, BIP65 are active.
    /// </summary>
    public static BlockValidationError? ContextualCheckBlockHeader(BlockHeader header, int height, uint expectedBits,
        uint previousMedianTimePast, uint previousBlockTime, long now, Network network)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(network);
        if (header.Bits != expectedBits) return BlockValidationError.Header("bad-diffbits", "incorrect proof of work");
        if (header.Time <= previousMedianTimePast) return BlockValidationError.Header("time-too-old", "block's timestamp is too early");
        if (ProofOfWork.IsTimewarpViolation(network, height, header.Time, previousBlockTime))
            return BlockValidationError.Header("time-timewarp-attack", "block's timestamp is too early on diff adjustment block");
        if (header.Time > now + ConsensusLimits.MaxFutureBlockTime)
            return new BlockValidationError("time-too-new", "block timestamp too far in the future", BlockValidationResult.TimeFuture);
        int version = header.Version;
        if ((version < 2 && height >= network.Bip34Height)
            || (version < 3 && height >= network.Bip66Height)
            || (version < 4 && height >= network.Bip65Height))
            return BlockValidationError.Header($"bad-version(0x{version:x8})", $"rejected nVersion=0x{version:x8} block");
        return null;
    }

    /// <summary>
    /// Core's ContextualCheckBlock for a block at <paramref name="height"/>: every transaction final (IsFinalTx against
    /// the height and, once CSV/BIP113 is active, <paramref name="previousMedianTimePast"/>, else the block's time),
    /// the BIP34 height prefix of the coinbase scriptSig, the BIP141 witness commitment (or no witness at all) and the
    /// block weight.
    /// </summary>
    public static BlockValidationError? ContextualCheckBlock(Block block, int height, uint previousMedianTimePast, Network network)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(network);
        var txs = block.Transactions;
        if (txs.IsEmpty || !txs[0].IsCoinbase) return BlockValidationError.Consensus("bad-cb-missing", "first tx is not coinbase");

        long lockTimeCutoff = height >= network.CsvHeight ? previousMedianTimePast : block.Header.Time;
        foreach (var tx in txs)
            if (!TransactionFinality.IsFinal(tx, height, lockTimeCutoff))
                return BlockValidationError.Consensus("bad-txns-nonfinal", "non-final transaction");

        if (height >= network.Bip34Height && !CoinbaseHeight.HasPrefix(txs[0].Inputs[0].ScriptSig, height))
            return BlockValidationError.Consensus("bad-cb-height", "block height mismatch in coinbase");

        if (CheckWitnessMalleation(block, expectWitnessCommitment: height >= network.SegwitHeight) is { } witnessError) return witnessError;

        if (block.Weight > ConsensusLimits.MaxBlockWeight)
            return BlockValidationError.Consensus("bad-blk-weight", "ContextualCheckBlock : weight limit failed");
        return null;
    }

    /// <summary>
    /// Core's IsBlockMutated, for the network layer before full validation: true when the transactions do not match
    /// the header's merkle root (or repeat under it), when a block without a leading coinbase has a 64-byte
    /// transaction (merkle ambiguity), or when <paramref name="checkWitnessRoot"/> (segwit active at the block's height)
    /// and the witness commitment does not match. A mutated block says nothing about the validity of its hash.
    /// </summary>
    public static bool IsBlockMutated(Block block, bool checkWitnessRoot)
    {
        ArgumentNullException.ThrowIfNull(block);
        var root = block.ComputeMerkleRoot(out bool mutated);
        if (root != block.Header.MerkleRoot || mutated) return true;
        if (block.Transactions.IsEmpty || !block.Transactions[0].IsCoinbase)
            return block.Transactions.Any(tx => tx.BaseSize == 64);
        return CheckWitnessMalleation(block, checkWitnessRoot) is not null;
    }

    /// <summary>
    /// Core's CheckWitnessMalleation. With segwit active and a commitment output in the coinbase: the coinbase witness
    /// must be one 32-byte item (the reserved value) and the commitment must equal SHA256d(witness merkle root ‖
    /// reserved value). Otherwise no transaction may carry a witness. Failures are <see cref="BlockValidationResult.Mutated"/>.
    /// </summary>
    public static BlockValidationError? CheckWitnessMalleation(Block block, bool expectWitnessCommitment)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (expectWitnessCommitment)
        {
            int commitmentIndex = block.GetWitnessCommitmentIndex();
            if (commitmentIndex >= 0)
            {
                var witness = block.Transactions[0].Inputs[0].Witness;
                if (witness.Count != 1 || witness[0].Length != 32)
                    return BlockValidationError.Mutated("bad-witness-nonce-size", "CheckWitnessMalleation : invalid witness reserved value size");
                var root = block.ComputeWitnessMerkleRoot(out _);
                Span<byte> preimage = stackalloc byte[64];
                root.WriteTo(preimage);
                witness[0].Span.CopyTo(preimage[32..]);
                Span<byte> commitment = stackalloc byte[32];
                Hashes.Sha256d(preimage, commitment);
                var script = block.Transactions[0].Outputs[commitmentIndex].ScriptPubKey.Span;
                if (!commitment.SequenceEqual(script.Slice(6, 32)))
                    return BlockValidationError.Mutated("bad-witness-merkle-match", "CheckWitnessMalleation : witness merkle commitment mismatch");
                return null;
            }
        }
        foreach (var tx in block.Transactions)
            if (tx.HasWitness)
                return BlockValidationError.Mutated("unexpected-witness", "CheckWitnessMalleation : unexpected witness data found");
        return null;
    }
}
