using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// Bitcoin Core's block validation rules as pure functions, staged as in Core:
/// <list type="number">
/// <item><see cref="CheckBlockHeader"/> and <see cref="CheckBlock"/>: context-free (the block alone);</item>
/// <item><see cref="ContextualCheckBlockHeader"/> and <see cref="ContextualCheckBlock"/>: need the height and the
/// parent's median time past (and, for the header, the expected bits and "now");</item>
/// <item><see cref="ConnectBlock"/>: needs the coins as of the parent (a read-only view) and the chain's history; it
/// returns the coin delta (which is also the undo data) and the fees, or the first broken rule;</item>
/// <item><see cref="DisconnectBlock"/>: reverts a delta from a mutable coin set.</item>
/// </list>
/// Every function returns Core's reject reason on failure; none performs I/O or reads a clock.
/// </summary>
public static partial class BlockValidation
{
    /// <summary>
    /// Core's CheckBlockHeader: the hash meets the target encoded by the header's bits, and that target is valid and
    /// not easier than the network's proof-of-work limit ("high-hash").
    /// </summary>
    public static BlockValidationError? CheckBlockHeader(BlockHeader header, Network network)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(network);
        return header.CheckProofOfWork(network.PowLimit) ? null : BlockValidationError.Header("high-hash", "proof of work failed");
    }

    /// <summary>
    /// Core's CheckBlock, the context-free block rules, in Core's order: the header's proof of work (when
    /// <paramref name="checkProofOfWork"/>), the merkle root and the CVE-2012-2459 duplicate-transaction mutation
    /// (when <paramref name="checkMerkleRoot"/>; both are <see cref="BlockValidationResult.Mutated"/>), at least one
    /// transaction and the count and stripped size within the weight limit, a coinbase first and only first,
    /// CheckTransaction for each transaction, and legacy sigops × 4 ≤ 80,000.
    /// </summary>
    /// <remarks>
    /// On signet (with <paramref name="checkProofOfWork"/>) the BIP325 block solution is verified right after the proof
    /// of work ("bad-signet-blksig"), which needs <paramref name="secp"/>; elsewhere it may be null.
    /// </remarks>
    public static BlockValidationError? CheckBlock(Block block, Network network, bool checkProofOfWork = true, bool checkMerkleRoot = true,
        ISecp256k1? secp = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(network);
        if (checkProofOfWork && CheckBlockHeader(block.Header, network) is { } headerError) return headerError;
        if (checkProofOfWork && network.IsSignet && block.Hash != network.GenesisHash)
        {
            if (secp is null) throw new ArgumentNullException(nameof(secp), "signet blocks need a secp256k1 implementation");
            if (!SignetBlockSolution.Check(block, network.SignetChallenge, secp))
                return BlockValidationError.Consensus("bad-signet-blksig", "signet block signature validation failure");
        }

        if (checkMerkleRoot)
        {
            var root = block.ComputeMerkleRoot(out bool mutated);
            if (root != block.Header.MerkleRoot) return BlockValidationError.Mutated("bad-txnmrklroot", "hashMerkleRoot mismatch");
            if (mutated) return BlockValidationError.Mutated("bad-txns-duplicate", "duplicate transaction");
        }

        var txs = block.Transactions;
        if (txs.IsEmpty
            || (long)txs.Length * ConsensusLimits.WitnessScaleFactor > ConsensusLimits.MaxBlockWeight
            || (long)block.BaseSize * ConsensusLimits.WitnessScaleFactor > ConsensusLimits.MaxBlockWeight)
            return BlockValidationError.Consensus("bad-blk-length", "size limits failed");

        if (!txs[0].IsCoinbase) return BlockValidationError.Consensus("bad-cb-missing", "first tx is not coinbase");
        for (int i = 1; i < txs.Length; i++)
            if (txs[i].IsCoinbase) return BlockValidationError.Consensus("bad-cb-multiple", "more than one coinbase");

        foreach (var tx in txs)
            if (TransactionCheck.Check(tx) is { } reason)
                return BlockValidationError.Consensus(reason, $"Transaction check failed (tx hash {tx.TxId})");

        long sigOps = 0;
        foreach (var tx in txs) sigOps += SigOpCounter.GetLegacySigOpCount(tx);
        if (sigOps * ConsensusLimits.WitnessScaleFactor > ConsensusLimits.MaxBlockSigOpsCost)
            return BlockValidationError.Consensus("bad-blk-sigops", "out-of-bounds SigOpCount");
        return null;
    }
}
