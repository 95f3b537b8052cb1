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

    [BitcoindFact]
    public void Bench_ibd_times_our_node_and_a_second_Core_syncing_the_same_blocks_from_one_Core_peer()
    {
        var vector = VectorPaths.File("drivechain", "pub-two-sidechains.json");

        var (exitCode, output, error) = ExecutableTests.RunExecutable(
            "bench", "ibd", vector, "--bitcoind", BitcoindBinary.Require(), "--workdir", _workDir);

        exitCode.Should().Be(0, output + error);
        var served = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"served by Bitcoin Core up to height (\d+)").Groups[1].Value,
            CultureInfo.InvariantCulture);
        var rows = output.Split('\n').Where(l => l.StartsWith("ours: IBD", StringComparison.Ordinal) || l.StartsWith("Bitcoin Core: IBD", StringComparison.Ordinal))
            .Where(l => !l.Contains("/ Core", StringComparison.Ordinal)).ToArray();
        rows.Should().HaveCount(2);
        // Both downloads reach the serving peer's height (and stop there by themselves).
        rows.Select(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^2]).Should().AllBe(served.ToString(CultureInfo.InvariantCulture));
        output.Should().Contain("ours: IBD from Core (P2P) / Core: wall");
    }

    [Fact]
    public void Bench_ibd_without_bitcoind_says_it_needs_one()
    {
        var vector = VectorPaths.File("drivechain", "pub-two-sidechains.json");

        var run = CliRun.Of("bench", "ibd", vector, "--bitcoind", Path.Combine(_workDir, "no-bitcoind"), "--workdir", _workDir);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("no bitcoind at");
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
