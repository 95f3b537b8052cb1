using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Testing.Vectors;

namespace Drivechain.Benchmarks.Bitcoin;

/// <summary>
/// Txid throughput over the 1,557 transactions of block 413567. Each benchmark reports the time per transaction
/// (OperationsPerInvoke), so txids/s = 1 / mean.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TxIdBenchmarks
{
    private const int TransactionCount = 1557;
    private Transaction[] _transactions = [];
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var block = Block.Parse(File.ReadAllBytes(VectorPaths.File("bitcoin-core", "block413567.raw")));
        _transactions = [.. block.Transactions];
        if (_transactions.Length != TransactionCount) throw new InvalidOperationException("unexpected block");
        _buffer = new byte[_transactions.Max(t => t.BaseSize)];
    }

    /// <summary>Serialize each transaction without witness into a reused buffer and SHA256d it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TransactionCount)]
    public UInt256 SerializeAndHash()
    {
        UInt256 last = default;
        foreach (var tx in _transactions)
        {
            var writer = new BitcoinWriter(_buffer);
            tx.WriteTo(ref writer, withWitness: false);
            last = Hashes.Sha256d(writer.Written);
        }
        return last;
    }

    /// <summary>Build each transaction from its parts (the constructor serializes and hashes).</summary>
    [Benchmark(OperationsPerInvoke = TransactionCount)]
    public UInt256 ConstructTransactions()
    {
        UInt256 last = default;
        foreach (var tx in _transactions)
            last = new Transaction(tx.Version, tx.Inputs, tx.Outputs, tx.LockTime).TxId;
        return last;
    }
}
