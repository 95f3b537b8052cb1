using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>Builds (and mines, on regtest's easy target) the next block of a <see cref="TestChain"/>.</summary>
internal sealed class TestBlockBuilder(TestChain chain, int height)
{
    private readonly List<Transaction> _transactions = [];

    public int Height { get; } = height;
    public int Version { get; set; } = 0x20000000;
    public uint Time { get; set; } = chain.TipTime + 600;
    public uint Bits { get; set; } = 0x207fffff;
    public long? CoinbaseValue { get; set; }
    public Script? CoinbaseScriptSig { get; set; }
    public bool? WitnessCommitment { get; set; }
    public Witness? CoinbaseWitness { get; set; }
    public UInt256? MerkleRootOverride { get; set; }
    public Transaction? CoinbaseOverride { get; set; }

    public TestBlockBuilder Add(params Transaction[] transactions)
    {
        _transactions.AddRange(transactions);
        return this;
    }

    public TestBlockBuilder With(Action<TestBlockBuilder> change)
    {
        change(this);
        return this;
    }

    public Block Build()
    {
        bool commit = WitnessCommitment ?? _transactions.Any(t => t.HasWitness);
        var coinbase = CoinbaseOverride ?? BuildCoinbase(commit);
        List<Transaction> all = [coinbase, .. _transactions];
        var txids = all.Select(t => t.TxId).ToArray();
        var root = MerkleRootOverride ?? MerkleTree.ComputeRoot(txids, out _);
        var header = Mine(new BlockHeader(Version, chain.TipHash, root, Time, Bits, 0));
        return new Block(header, [.. all]);
    }

    /// <summary>Finds a nonce meeting the target (about two tries on regtest).</summary>
    public static BlockHeader Mine(BlockHeader header)
    {
        var target = header.Target;
        while (header.Hash.ToBigInteger() > target) header = header.WithNonce(header.Nonce + 1);
        return header;
    }

    private Transaction BuildCoinbase(bool commit)
    {
        var scriptSig = CoinbaseScriptSig ?? new ScriptBuilder().Raw(CoinbaseHeight.Encode(Height)).Op(OpcodeType.OP_0).ToScript();
        var witness = CoinbaseWitness ?? (commit ? Witness.Of(new byte[32]) : Witness.Empty);
        var coinbase = new TestTx().Version(2).Input(OutPoint.Null, TxIn.SequenceFinal, scriptSig, witness)
            .Output(CoinbaseValue ?? chain.Network.GetBlockSubsidy(Height).Satoshis);
        if (commit)
        {
            var wtxids = new UInt256[_transactions.Count + 1];
            for (int i = 0; i < _transactions.Count; i++) wtxids[i + 1] = _transactions[i].WTxId;
            var witnessRoot = MerkleTree.ComputeRoot(wtxids, out _);
            var nonce = witness.Count == 1 ? witness[0].ToArray() : new byte[32];
            coinbase.Output(0, WitnessCommitmentScript(witnessRoot, nonce));
        }
        return coinbase.Build();
    }

    public static Script WitnessCommitmentScript(UInt256 witnessRoot, byte[] nonce)
    {
        var preimage = new byte[32 + nonce.Length];
        witnessRoot.WriteTo(preimage);
        nonce.CopyTo(preimage, 32);
        var commitment = Hashes.Sha256d(preimage).ToBytes();
        return new Script((byte[])[0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed, .. commitment]);
    }
}
