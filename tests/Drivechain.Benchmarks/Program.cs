using BenchmarkDotNet.Running;
using Drivechain.Benchmarks.Replay;

namespace Drivechain.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // `replay-gen --blocks N --sidechains S --out FILE` writes the replay speed chain; anything else goes to BenchmarkDotNet.
        if (args.Length > 0 && args[0] == ReplayChainGenerator.CommandName) return ReplayChainGenerator.Run(args[1..], Console.Out, Console.Error);
        if (args.Length > 1 && args[0] == ReplayProfile.CommandName) return ReplayProfile.Run(args[1..], Console.Out);
        if (args.Length > 1 && args[0] == Chain.ImportProfile.CommandName) return Chain.ImportProfile.Run(args[1..], Console.Out);
        if (args.Length > 1 && args[0] == Consensus.ConnectProfile.CommandName) return Consensus.ConnectProfile.Run(args[1..], Console.Out);
        if (args.Length > 0 && args[0] == Grpc.GrpcProfile.CommandName) return Grpc.GrpcProfile.Run(args[1..], Console.Out);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
