using System.Diagnostics;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Testing.Chains;

namespace Drivechain.Benchmarks.Replay;

/// <summary><c>replay-gen --blocks 20000 --sidechains 255 --out chain.json</c>: writes the replay speed chain as a vector.</summary>
internal static class ReplayChainGenerator
{
    public const string CommandName = "replay-gen";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        int blocks = 20_000, sidechains = 255, stateEvery = 1000;
        string? path = null;
        var wallet = WalletKind.P2wshOpTrue;
        for (int i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--blocks" when int.TryParse(value, out blocks): i++; break;
                case "--sidechains" when int.TryParse(value, out sidechains): i++; break;
                case "--state-every" when int.TryParse(value, out stateEvery): i++; break;
                case "--out" when value is not null: path = value; i++; break;
                case "--wallet" when Enum.TryParse(value, ignoreCase: true, out wallet): i++; break;
                default:
                    error.WriteLine($"{CommandName}: unexpected argument '{args[i]}'. Usage: {CommandName} --blocks N --sidechains S --out FILE [--state-every K] [--wallet P2wshOpTrue|BareOpTrue|P2wpkh|P2trKeyPath]");
                    return 2;
            }
        }
        if (path is null || blocks < 1 || sidechains is < 1 or > 256)
        {
            error.WriteLine($"Usage: {CommandName} --blocks N (≥ 1) --sidechains S (1..256) --out FILE [--state-every K]");
            return 2;
        }
        var stopwatch = Stopwatch.StartNew();
        var options = new ChainGeneratorOptions { WalletKind = wallet, Secp = Secp256k1Provider.CreateDefault() };
        var generator = ReplayBenchmarkChain.Generate(blocks, sidechains, h => output.WriteLine($"  generated {h} blocks ({stopwatch.Elapsed.TotalSeconds:F1} s)"), options);
        VectorWriter.WriteFile(path, generator, $"replay-bench-{blocks}-{sidechains}",
            $"{blocks} regtest blocks, {sidechains} active sidechains, {wallet} wallet; every block: M4 over all slots, a deposit, a bundle proposal, payouts.", stateEvery);
        output.WriteLine($"wrote {path}: {generator.Log.Count} blocks, {new FileInfo(path).Length / 1e6:F1} MB in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
