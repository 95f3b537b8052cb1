using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Testing.Vectors;

namespace Drivechain.Benchmarks.Validation;

/// <summary>
/// ConnectBlock on the most signature-heavy block of Core's regtest chain vectors/core/core-sig-heavy-public.json
/// (50-input transactions over P2PKH, P2SH-P2WPKH, P2WPKH and P2TR), with scripts verified on all cores, on one
/// thread, or skipped; parsing the block is the baseline.
/// </summary>
[MemoryDiagnoser]
public class ConnectBlockBenchmark
{
    private readonly Network _network = Network.Regtest;
    private ISecp256k1 _secp = null!;
    private MemoryCoinCache _coins = null!;
    private ReplayHistory _history = null!;
    private byte[] _raw = [];
    private Block _block = null!;
    private int _height;

    /// <summary>Inputs in the benchmarked block.</summary>
    public int Inputs { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _secp = Secp256k1Provider.CreateDefault();
        var blocks = DrivechainVectors.Read(VectorPaths.File("core", "core-sig-heavy-public.json")).Blocks
            .Select(b => b.Bytes.ToArray()).ToList();
        int heaviest = Enumerable.Range(0, blocks.Count).MaxBy(i => Block.Parse(blocks[i]).Transactions.Sum(t => t.Inputs.Length));

        _coins = new MemoryCoinCache();
        _history = new ReplayHistory(_network.Genesis);
        for (int i = 0; i < heaviest; i++)
        {
            var block = Block.Parse(blocks[i]);
            var result = BlockValidation.ConnectBlock(block, _history.Height + 1, _coins, _history, _network, _secp, ScriptCheckMode.Skip);
            if (result is not ConnectBlockResult.Accepted accepted) throw new InvalidOperationException($"block {i} must connect: {result}");
            accepted.Delta.ApplyTo(_coins);
            _history.Add(block);
        }
        _raw = blocks[heaviest];
        _block = Block.Parse(_raw);
        _height = _history.Height + 1;
        Inputs = _block.Transactions.Sum(t => t.Inputs.Length);
        if (!ConnectParallel().IsAccepted) throw new InvalidOperationException("the benchmarked block must connect");
        Console.WriteLine($"// block {heaviest}: {_block.Transactions.Length} transactions, {Inputs} inputs, secp {_secp.Name}");
    }

    /// <summary>Parse (and hash every transaction).</summary>
    [Benchmark(Baseline = true)]
    public Block ParseAndHash() => Block.Parse(_raw);

    /// <summary>ConnectBlock with parallel script checks.</summary>
    [Benchmark]
    public ConnectBlockResult ConnectParallel() =>
        BlockValidation.ConnectBlock(_block, _height, _coins, _history, _network, _secp, ScriptCheckMode.Parallel);

    /// <summary>ConnectBlock with script checks on the calling thread.</summary>
    [Benchmark]
    public ConnectBlockResult ConnectSequential() =>
        BlockValidation.ConnectBlock(_block, _height, _coins, _history, _network, _secp, ScriptCheckMode.Sequential);

    /// <summary>ConnectBlock without script checks (assumevalid).</summary>
    [Benchmark]
    public ConnectBlockResult ConnectSkipScripts() =>
        BlockValidation.ConnectBlock(_block, _height, _coins, _history, _network, _secp, ScriptCheckMode.Skip);
}
