using Drivechain.Testing.Vectors;

namespace Drivechain.Cli.Tests.Replay;

/// <summary>Every shared drivechain and core vector replays through <c>drivechain replay</c> and passes.</summary>
public class SharedVectorReplayTests
{
    public static TheoryData<string> Vectors()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "drivechain", "core" })
        {
            var files = Directory.GetFiles(VectorPaths.Folder(folder), "*.json").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new InvalidOperationException($"no vectors in {VectorPaths.Folder(folder)}");
            foreach (var file in files) data.Add($"{folder}/{Path.GetFileName(file)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_replays_with_every_block_passing(string vector)
    {
        var path = Path.Combine(VectorPaths.Root, vector);

        var run = CliRun.Of("replay", "--verbose", path);

        run.Output.Should().StartWith($"PASS  {path}");
        run.Lines[^1].Should().Be("1 passed, 0 failed");
        run.ExitCode.Should().Be(0, run.Output);
    }

    [Fact]
    public void Directories_are_replayed_recursively_with_one_line_per_vector()
    {
        var drivechain = VectorPaths.Folder("drivechain");
        var core = VectorPaths.Folder("core");
        var expected = Directory.GetFiles(drivechain, "*.json", SearchOption.AllDirectories).Length
            + Directory.GetFiles(core, "*.json", SearchOption.AllDirectories).Length;

        var run = CliRun.Of("replay", drivechain, core);

        run.Lines.Should().HaveCount(expected + 1);
        run.Lines[..^1].Should().OnlyContain(line => line.StartsWith("PASS  "));
        run.Lines[^1].Should().Be($"{expected} passed, 0 failed");
        run.ExitCode.Should().Be(0);
    }
}
