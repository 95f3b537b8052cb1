using System.Text.Json;

namespace Drivechain.Cli.Tests.Replay;

/// <summary><c>replay --json</c>: one machine-readable report instead of lines.</summary>
public sealed class ReplayJsonReportTests : IDisposable
{
    private readonly TempVectors _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_report_lists_every_vector_with_its_verdict_and_the_first_mismatch()
    {
        var good = _temp.Write("a.json", TempVectors.Load("pub-reject-m1-duplicate.json"));
        var tampered = TempVectors.Load("pub-reject-m1-duplicate.json");
        tampered["blocks"]![0]!["code"] = "M7_DUPLICATE_SLOT";
        var bad = _temp.Write("b.json", tampered);
        var missing = Path.Combine(_temp.Folder, "c.json");

        var run = CliRun.Of("replay", "--json", good, bad, missing);

        run.ExitCode.Should().Be(1);
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        root.GetProperty("format").GetString().Should().Be("drivechain-replay-report/1");
        root.GetProperty("passed").GetInt32().Should().Be(1);
        root.GetProperty("failed").GetInt32().Should().Be(2);
        var vectors = root.GetProperty("vectors").EnumerateArray().ToList();
        vectors.Select(v => v.GetProperty("path").GetString()).Should().Equal(good, bad, missing);
        vectors[0].GetProperty("passed").GetBoolean().Should().BeTrue();
        vectors[0].GetProperty("blocks").GetInt32().Should().Be(2);
        vectors[0].GetProperty("mismatch").ValueKind.Should().Be(JsonValueKind.Null);
        var mismatch = vectors[1].GetProperty("mismatch");
        mismatch.GetProperty("block").GetInt32().Should().Be(0);
        mismatch.GetProperty("expected").GetString().Should().Be("reject M7_DUPLICATE_SLOT");
        mismatch.GetProperty("actual").GetString().Should().StartWith("reject M1_DUPLICATE");
        mismatch.GetProperty("hash").GetString().Should().HaveLength(64);
        vectors[2].GetProperty("error").GetString().Should().Be("no such file or directory");
    }
}
