using System.Collections.Immutable;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Node.Tests.Chain;

/// <summary>
/// Builds one branch of a regtest chain: valid proof of work, BIP34 coinbases paying OP_TRUE, and a
/// wallet of OP_TRUE outputs that need no signatures. <see cref="Fork"/> copies the branch so a second
/// one can grow from the same point.
/// </summary>
internal sealed class TestChain
{
    public static readonly Script OpTrue = new(new byte[] { 0x51 });
    private readonly List<(OutPoint OutPoint, long Value, int Height, bool Coinbase)> _wallet;

    public TestChain(Network network)
    {
        Network = network;
        TipHash = network.Genesis.Hash;
        Height = 0;
        Time = network.Genesis.Header.Time;
        _wallet = [];
        Blocks = [];
    }

    private TestChain(TestChain other)
    {
        Network = other.Network;
        TipHash = other.TipHash;
        Height = other.Height;
        Time = other.Time;
        _wallet = [.. other._wallet];
        Blocks = [.. other.Blocks];
    }

    public Network Network { get; }
    public UInt256 TipHash { get; private set; }
    public int Height { get; private set; }
    public uint Time { get; private set; }
    /// <summary>The blocks of this branch after genesis, in order.</summary>
    public List<Block> Blocks { get; }

    public TestChain Fork() => new(this);

    /// <summary>A spendable (mature) wallet coin, removed from the wallet.</summary>
    public (OutPoint OutPoint, long Value) TakeCoin()
    {
        int next = Height + 1;
        int i = _wallet.FindIndex(c => !c.Coinbase || next - c.Height >= Network.CoinbaseMaturity);
        if (i < 0) throw new InvalidOperationException("no mature coin: mine at least 101 blocks first");
        var coin = _wallet[i];
        _wallet.RemoveAt(i);
        return (coin.OutPoint, coin.Value);
    }

    /// <summary>A transaction spending OP_TRUE outputs with empty scriptSigs.</summary>
    public static Transaction Spend(IEnumerable<OutPoint> inputs, params TxOut[] outputs) =>
        new(2, [.. inputs.Select(i => new TxIn(i, Script.Empty))], [.. outputs], 0);

    /// <summary>Mines the next block on this branch and adds it (and its OP_TRUE outputs) to the branch.</summary>
    public Block Mine(Action<BlockDraft>? configure = null)
    {
        var draft = new BlockDraft();
        configure?.Invoke(draft);
        var block = Build(draft);
        Accept(block, draft);
        return block;
    }

    /// <summary>Builds the next block without adding it to the branch (for blocks that must be rejected).</summary>
    public Block Build(Action<BlockDraft> configure)
    {
        var draft = new BlockDraft();
        configure(draft);
        return Build(draft);
    }

    private Block Build(BlockDraft draft)
    {
        int height = Height + 1;
        long fees = draft.Fees;
        var scriptSig = new ScriptBuilder().Push(draft.CoinbaseHeight ?? height).Push(BitConverter.GetBytes(draft.ExtraNonce)).ToScript();
        var outputs = ImmutableArray.CreateBuilder<TxOut>();
        outputs.Add(new TxOut(new Money(Network.GetBlockSubsidy(height).Satoshis + fees + draft.ExtraCoinbaseValue), OpTrue));
        outputs.AddRange(draft.CoinbaseOutputs);
        var coinbase = new Transaction(2, [new TxIn(OutPoint.Null, scriptSig)], outputs.ToImmutable(), 0);
        var transactions = ImmutableArray.CreateBuilder<Transaction>();
        transactions.Add(coinbase);
        transactions.AddRange(draft.Transactions);
        var txs = transactions.ToImmutable();
        var merkle = draft.MerkleRoot ?? MerkleTree.ComputeRoot([.. txs.Select(t => t.TxId)], out _);
        uint time = draft.Time ?? Time + 1;
        uint bits = draft.Bits ?? Network.PowLimitBits;
        var header = new BlockHeader(0x20000000, draft.PreviousBlockHash ?? TipHash, merkle, time, bits, 0);
        if (!draft.InvalidProofOfWork)
        {
            while (!header.CheckProofOfWork(Network.PowLimit)) header = header.WithNonce(header.Nonce + 1);
        }
        else
        {
            while (header.CheckProofOfWork(Network.PowLimit)) header = header.WithNonce(header.Nonce + 1);
        }
        return new Block(header, txs);
    }

    private void Accept(Block block, BlockDraft draft)
    {
        Height++;
        TipHash = block.Hash;
        Time = block.Header.Time;
        Blocks.Add(block);
        foreach (var tx in block.Transactions)
        {
            if (!tx.IsCoinbase)
                foreach (var input in tx.Inputs) _wallet.RemoveAll(c => c.OutPoint == input.PrevOut);
            for (int i = 0; i < tx.Outputs.Length; i++)
                if (tx.Outputs[i].ScriptPubKey == OpTrue && tx.Outputs[i].Value.Satoshis > 0)
                    _wallet.Add((new OutPoint(tx.TxId, (uint)i), tx.Outputs[i].Value.Satoshis, Height, tx.IsCoinbase));
        }
        _ = draft;
    }

    /// <summary>Mines <paramref name="count"/> empty blocks.</summary>
    public void MineMany(int count)
    {
        for (int i = 0; i < count; i++) Mine();
    }
}

/// <summary>What goes into the next block besides the defaults.</summary>
internal sealed class BlockDraft
{
    public List<TxOut> CoinbaseOutputs { get; } = [];
    public List<Transaction> Transactions { get; } = [];
    /// <summary>Fees the coinbase may claim (the caller knows what its transactions leave).</summary>
    public long Fees { get; set; }
    public long ExtraCoinbaseValue { get; set; }
    public uint ExtraNonce { get; set; }
    public uint? Time { get; set; }
    public uint? Bits { get; set; }
    public int? CoinbaseHeight { get; set; }
    public UInt256? MerkleRoot { get; set; }
    public UInt256? PreviousBlockHash { get; set; }
    public bool InvalidProofOfWork { get; set; }

    public BlockDraft Add(Transaction tx, long fee = 0)
    {
        Transactions.Add(tx);
        Fees += fee;
        return this;
    }
}
