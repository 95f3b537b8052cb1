using System.Buffers.Binary;
using System.Collections.Immutable;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus.Messages;

namespace Drivechain.Testing.Consensus;

/// <summary>
/// Builds a block for the drivechain rules: a coinbase (height in its scriptSig, 50 BTC to OP_TRUE, then
/// the message outputs in the order added) and the given transactions. No proof of work: the drivechain
/// rules do not look at it.
/// </summary>
public sealed class DrivechainBlockBuilder(UInt256 previousBlockHash, int height)
{
    private readonly List<TxOut> _coinbaseOutputs = [new TxOut(new Money(50 * Money.Coin), new Script(new byte[] { 0x51 }))];
    private readonly List<Transaction> _transactions = [];
    private uint _time = 1_700_000_000u + (uint)height * 600;

    /// <summary>The parent.</summary>
    public UInt256 PreviousBlockHash { get; } = previousBlockHash;

    /// <summary>The height the block is built for.</summary>
    public int Height { get; } = height;

    /// <summary>Adds a raw coinbase output.</summary>
    public DrivechainBlockBuilder WithCoinbaseOutput(Script script, long value = 0)
    {
        _coinbaseOutputs.Add(new TxOut(new Money(value), script));
        return this;
    }

    /// <summary>Adds a raw coinbase output from hex.</summary>
    public DrivechainBlockBuilder WithCoinbaseOutputHex(string scriptHex) => WithCoinbaseOutput(Script.FromHex(scriptHex));

    /// <summary>Adds a coinbase message output (minimal push, value 0).</summary>
    public DrivechainBlockBuilder WithMessage(CoinbaseMessage message) => WithCoinbaseOutput(message.ToScript());

    /// <summary>M1 (slot, description).</summary>
    public DrivechainBlockBuilder WithM1(byte slot, ReadOnlySpan<byte> description) => WithMessage(new M1ProposeSidechain(slot, [.. description]));

    /// <summary>M2 (slot, sha256d(description)).</summary>
    public DrivechainBlockBuilder WithM2(byte slot, UInt256 descriptionHash) => WithMessage(new M2AckSidechain(slot, descriptionHash));

    /// <summary>M3 (slot, M6ID).</summary>
    public DrivechainBlockBuilder WithM3(byte slot, M6Id m6Id) => WithMessage(new M3ProposeBundle(slot, m6Id));

    /// <summary>An M4.</summary>
    public DrivechainBlockBuilder WithM4(M4AckBundles m4) => WithMessage(m4);

    /// <summary>M7 (slot, h*).</summary>
    public DrivechainBlockBuilder WithM7(byte slot, UInt256 sidechainBlockHash) => WithMessage(new M7BmmAccept(slot, sidechainBlockHash));

    /// <summary>Appends a transaction after the coinbase.</summary>
    public DrivechainBlockBuilder WithTransaction(Transaction tx)
    {
        _transactions.Add(tx);
        return this;
    }

    /// <summary>Sets the header time (to vary the hash).</summary>
    public DrivechainBlockBuilder WithTime(uint time)
    {
        _time = time;
        return this;
    }

    /// <summary>The coinbase this builder will produce.</summary>
    public Transaction BuildCoinbase()
    {
        var scriptSig = new byte[5];
        scriptSig[0] = 4;
        BinaryPrimitives.WriteInt32LittleEndian(scriptSig.AsSpan(1), Height);
        var input = new TxIn(OutPoint.Null, new Script(scriptSig));
        return new Transaction(2, [input], [.. _coinbaseOutputs], 0);
    }

    /// <summary>The block.</summary>
    public Block Build()
    {
        var transactions = ImmutableArray.CreateBuilder<Transaction>(1 + _transactions.Count);
        transactions.Add(BuildCoinbase());
        transactions.AddRange(_transactions);
        var ids = new UInt256[transactions.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = transactions[i].TxId;
        var merkleRoot = MerkleTree.ComputeRoot(ids, out _);
        var header = new BlockHeader(0x20000000, PreviousBlockHash, merkleRoot, _time, 0x207fffff, 0);
        return new Block(header, transactions.MoveToImmutable());
    }
}
