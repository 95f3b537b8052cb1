using System.Globalization;
using Drivechain.Testing.Bitcoind;
using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests.Commands;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("drivechain-bench-test-").FullName;

    [BitcoindFact]
    public void Bench_import_times_our_replay_our_loadblock_and_Cores_loadblock_of_the_same_blocks()
    {
        var vector = VectorPaths.File("drivechain", "pub-two-sidechains.json");

        var (exitCode, output, error) = ExecutableTests.RunExecutable(
            "bench", "import", vector, "--bitcoind", BitcoindBinary.Require(), "--workdir", _workDir);

        exitCode.Should().Be(0, output + error);
        var rows = output.Split('\n').Where(l => l.StartsWith("ours:", StringComparison.Ordinal) || l.StartsWith("Bitcoin Core:", StringComparison.Ordinal))
            .Where(l => !l.Contains("/ Core", StringComparison.Ordinal)).ToArray();
        rows.Should().HaveCount(3);
        // Both disk imports reach the vector's last height (its blocks all extend one chain from genesis).
        var heights = rows.Skip(1).Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2]).ToArray();
        heights.Should().AllBeEquivalentTo(heights[0]);
        int.Parse(heights[0], CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        output.Should().Contain("ours: node --loadblock (disk) / Core: wall");
        File.Exists(Path.Combine(_workDir, "blk-bench.dat")).Should().BeTrue();
    }

    [Fact]
    public void Bench_import_of_a_missing_vector_fails_with_its_path()
    {
        var missing = Path.Combine(_workDir, "none.json");

        var run = CliRun.Of("bench", "import", missing, "--workdir", _workDir);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain(missing);
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);
}
