using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Serialization;

namespace Drivechain.Bitcoin.Validation;

/// <summary>
/// BIP325 signet block solutions (Core's signet.cpp): a block is signed by spending a virtual "to_spend" output locked
/// with the network's challenge script; the spending "to_sign" transaction's scriptSig and witness are carried in the
/// witness commitment output of the coinbase, in a push starting with the signet header ecc7daa2.
/// </summary>
public static class SignetBlockSolution
{
    /// <summary>The flags the solution is verified with: P2SH, WITNESS, DERSIG, NULLDUMMY.</summary>
    public const ScriptVerifyFlags Flags = ScriptVerifyFlags.P2SH | ScriptVerifyFlags.Witness | ScriptVerifyFlags.DerSig | ScriptVerifyFlags.NullDummy;

    /// <summary>The 4-byte header that marks the solution push: ec c7 da a2.</summary>
    public static ReadOnlySpan<byte> Header => [0xec, 0xc7, 0xda, 0xa2];

    /// <summary>
    /// True when <paramref name="block"/> carries a valid solution to <paramref name="challenge"/> (Core's
    /// CheckSignetBlockSolution, without its genesis exemption, which <see cref="BlockValidation.CheckBlock"/> applies).
    /// </summary>
    public static bool Check(Block block, Script challenge, ISecp256k1 secp)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(secp);
        if (!TryCreateTransactions(block, challenge, out var toSpend, out var toSign)) return false;
        var data = new PrecomputedTransactionData(toSign, [toSpend.Outputs[0]]);
        return ScriptVerifier.VerifyInput(data, 0, Flags, secp, out _);
    }

    /// <summary>
    /// Builds Core's SignetTxs: "to_spend" (version 0, one input with scriptSig OP_0 &lt;version ‖ previous hash ‖
    /// modified merkle root ‖ time&gt;, one output of 0 locked with <paramref name="challenge"/>) and "to_sign"
    /// (version 0, spending it with the solution's scriptSig and witness, one OP_RETURN output). The modified merkle
    /// root is the block's with the solution cut out of the coinbase (only its header kept). False when the block has
    /// no witness commitment or the solution does not parse. A miner signs "to_sign" for a block whose commitment
    /// output ends with a push of just the header, then appends the solution to that push.
    /// </summary>
    public static bool TryCreateTransactions(Block block, Script challenge, [NotNullWhen(true)] out Transaction? toSpend,
        [NotNullWhen(true)] out Transaction? toSign)
    {
        ArgumentNullException.ThrowIfNull(block);
        toSpend = toSign = null;
        if (block.Transactions.IsEmpty) return false;
        int commitmentIndex = block.GetWitnessCommitmentIndex();
        if (commitmentIndex < 0) return false;

        var coinbase = block.Transactions[0];
        var scriptSig = Script.Empty;
        var witness = Witness.Empty;
        if (TryFetchAndClear(coinbase.Outputs[commitmentIndex].ScriptPubKey, out var cleared, out var solution))
        {
            if (!TryParseSolution(solution, out scriptSig, out witness)) return false;
            coinbase = new Transaction(coinbase.Version, coinbase.Inputs,
                coinbase.Outputs.SetItem(commitmentIndex, coinbase.Outputs[commitmentIndex] with { ScriptPubKey = cleared }), coinbase.LockTime);
        }

        var txids = new UInt256[block.Transactions.Length];
        txids[0] = coinbase.TxId;
        for (int i = 1; i < txids.Length; i++) txids[i] = block.Transactions[i].TxId;
        var merkleRoot = MerkleTree.ComputeRoot(txids, out _);

        Span<byte> blockData = stackalloc byte[4 + 32 + 32 + 4];
        var writer = new BitcoinWriter(blockData);
        writer.WriteInt32(block.Header.Version);
        writer.WriteUInt256(block.Header.PreviousBlockHash);
        writer.WriteUInt256(merkleRoot);
        writer.WriteUInt32(block.Header.Time);
        var spendScriptSig = new ScriptBuilder().Op(OpcodeType.OP_0).Push(blockData).ToScript();

        toSpend = new Transaction(0, [new TxIn(OutPoint.Null, spendScriptSig, 0)], [new TxOut(Money.Zero, challenge)], 0);
        toSign = new Transaction(0, [new TxIn(new OutPoint(toSpend.TxId, 0), scriptSig, 0, witness)],
            [new TxOut(Money.Zero, new Script(new byte[] { (byte)OpcodeType.OP_RETURN }))], 0);
        return true;
    }

    // Core's FetchAndClearCommitmentSection: the first push longer than the header that starts with it yields the
    // solution and is cut back to the header; every push is re-encoded as CScript << vector does.
    private static bool TryFetchAndClear(Script commitment, out Script cleared, out byte[] solution)
    {
        var replacement = new ScriptBuilder();
        bool found = false;
        solution = [];
        var reader = new ScriptReader(commitment.Span);
        while (reader.TryRead(out var op))
        {
            var data = op.Data;
            if (data.Length > 0)
            {
                if (!found && data.Length > Header.Length && data.StartsWith(Header))
                {
                    solution = data[Header.Length..].ToArray();
                    data = data[..Header.Length];
                    found = true;
                }
                replacement.Push(data);
            }
            else
            {
                replacement.Op(op.Opcode);
            }
        }
        cleared = found ? replacement.ToScript() : commitment;
        return found;
    }

    private static bool TryParseSolution(ReadOnlySpan<byte> solution, out Script scriptSig, out Witness witness)
    {
        scriptSig = Script.Empty;
        witness = Witness.Empty;
        var reader = new BitcoinReader(solution);
        if (!reader.TryReadVarBytes(out var scriptBytes) || !reader.TryReadCompactSize(out ulong count)) return false;
        if (count > (ulong)reader.Remaining) return false;   // each item takes at least one byte
        var items = ImmutableArray.CreateBuilder<ReadOnlyMemory<byte>>((int)count);
        for (ulong i = 0; i < count; i++)
        {
            if (!reader.TryReadVarBytes(out var item)) return false;
            items.Add(item.ToArray());
        }
        if (reader.Remaining != 0) return false;
        scriptSig = Script.CopyOf(scriptBytes);
        witness = new Witness(items.MoveToImmutable());
        return true;
    }
}
