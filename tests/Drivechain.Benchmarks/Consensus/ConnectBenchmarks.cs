using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Testing.Consensus;

namespace Drivechain.Benchmarks.Consensus;

/// <summary>
/// 20 000 generated blocks over 255 active sidechains (255-entry M4 in every block, deposits and bundles
/// everywhere). ParseAndHash (baseline) = Block.Parse of the raw bytes + merkle root; Connect = the
/// drivechain rules over the parsed blocks, from the empty state. Each operation is the whole chain.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ConnectBenchmarks
{
    private byte[][] _raw = [];
    private Block[] _blocks = [];
    private DrivechainValidator _validator = null!;

    [Params(20_000)]
    public int Blocks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _blocks = [.. HeavyChainGenerator.Generate(Blocks)];
        _raw = [.. _blocks.Select(b => b.ToBytes())];
        _validator = new DrivechainValidator(HeavyChainGenerator.Params);
        Console.WriteLine($"// chain: {_blocks.Length} blocks, {_raw.Sum(r => (long)r.Length) / 1024} KiB, " +
                          $"{_blocks.Sum(b => b.Transactions.Length)} transactions");
    }

    [Benchmark(Baseline = true)]
    public UInt256 ParseAndHash()
    {
        UInt256 last = default;
        foreach (var raw in _raw)
        {
            var block = Block.Parse(raw);
            last = block.ComputeMerkleRoot(out _);
        }
        return last;
    }

    [Benchmark]
    public DrivechainState Connect()
    {
        var state = DrivechainState.Empty;
        for (int i = 0; i < _blocks.Length; i++)
            state = ((ConnectOutcome.Accepted)_validator.Connect(state, _blocks[i], i + 1)).State;
        return state;
    }

    [Benchmark]
    public DrivechainState ParseAndConnect()
    {
        var state = DrivechainState.Empty;
        for (int i = 0; i < _raw.Length; i++)
            state = ((ConnectOutcome.Accepted)_validator.Connect(state, Block.Parse(_raw[i]), i + 1)).State;
        return state;
    }
}
