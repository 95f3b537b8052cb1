using System.Text.Json.Nodes;

namespace Drivechain.Cli.Tests.Replay;

/// <summary>The <c>replay</c> contract of vectors-format.md: lines, summary, exit codes, --verbose, bad input.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private const string RejectVector = "pub-reject-m1-duplicate.json";   // block 0 rejected M1_DUPLICATE, block 1 accepted (with state)
    private readonly TempVectors _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonObject Block(JsonObject vector, int index) => vector["blocks"]![index]!.AsObject();

    [Fact]
    public void A_passing_vector_prints_one_PASS_line_and_the_summary_and_exits_0()
    {
        var path = _temp.Write("ok.json", TempVectors.Load(RejectVector));

        var run = CliRun.Of("replay", path);

        run.Lines.Should().Equal($"PASS  {path}  (2 blocks)", "1 passed, 0 failed");
        run.ExitCode.Should().Be(0);
    }

    [Fact]
    public void A_missing_file_fails_that_vector_with_a_clear_error_and_exit_code_1()
    {
        var path = Path.Combine(_temp.Folder, "absent.json");

        var run = CliRun.Of("replay", path);

        run.Lines.Should().Equal($"FAIL  {path}  error: no such file or directory", "0 passed, 1 failed");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Invalid_json_fails_that_vector_and_the_others_still_run()
    {
        var bad = _temp.WriteText("a-bad.json", "{ \"format\": \"drivechain-vectors/1\", \"blocks\": [ {");
        var good = _temp.Write("b-good.json", TempVectors.Load(RejectVector));

        var run = CliRun.Of("replay", _temp.Folder);

        run.Lines.Should().HaveCount(3);
        run.Lines[0].Should().StartWith($"FAIL  {bad}  error: invalid JSON");
        run.Lines[1].Should().StartWith($"PASS  {good}");
        run.Lines[2].Should().Be("1 passed, 1 failed");
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("format", "\"drivechain-vectors/2\"", "unsupported format \"drivechain-vectors/2\"")]
    [InlineData("format", "null", "format must be a string")]
    [InlineData("params", "{}", "missing \"params.network\"")]
    [InlineData("params", "{\"network\":\"nonet\"}", "unknown network \"nonet\"")]
    [InlineData("blocks", "{}", "blocks must be an array")]
    public void A_malformed_vector_fails_with_an_error_naming_the_problem(string field, string json, string message)
    {
        var vector = TempVectors.Load(RejectVector);
        vector[field] = JsonNode.Parse(json);
        var path = _temp.Write("v.json", vector);

        var run = CliRun.Of("replay", path);

        run.Lines[0].Should().StartWith($"FAIL  {path}  error:").And.Contain(message);
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("zz", "non-hex character at offset")]
    [InlineData("0", "odd number of digits")]
    public void Bad_block_hex_fails_the_vector_with_a_clear_error(string suffix, string message)
    {
        var vector = TempVectors.Load(RejectVector);
        Block(vector, 0)["hex"] = Block(vector, 0)["hex"]!.GetValue<string>() + suffix;
        var path = _temp.Write("v.json", vector);

        var run = CliRun.Of("replay", path);

        run.Lines[0].Should().Contain("error: blocks[0].hex has a").And.Contain(message);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void A_wrong_rejection_code_fails_and_verbose_shows_expected_and_node_verdicts()
    {
        var vector = TempVectors.Load(RejectVector);
        Block(vector, 0)["code"] = "M2_DUPLICATE_SLOT";
        var path = _temp.Write("v.json", vector);

        var run = CliRun.Of("replay", "--verbose", path);

        run.Lines[0].Should().Be($"FAIL  {path}  block 0: wrong rejection code: expected M2_DUPLICATE_SLOT, node gave M1_DUPLICATE");
        run.Lines.Should().Contain(l => l.StartsWith("block:    0 of 2 (hash "));
        run.Lines.Should().Contain("expected: reject M2_DUPLICATE_SLOT");
        run.Lines.Should().Contain(l => l.StartsWith("node:     reject M1_DUPLICATE"));
        run.Lines[^1].Should().Be("0 passed, 1 failed");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Without_verbose_a_failure_is_a_single_line()
    {
        var vector = TempVectors.Load(RejectVector);
        Block(vector, 0)["code"] = "M2_DUPLICATE_SLOT";
        var path = _temp.Write("v.json", vector);

        CliRun.Of("replay", path).Lines.Should().HaveCount(2);
    }

    [Fact]
    public void An_invalid_block_expected_to_be_accepted_fails()
    {
        var vector = TempVectors.Load(RejectVector);
        Block(vector, 0)["expect"] = "accept";
        var path = _temp.Write("v.json", vector);

        var run = CliRun.Of("replay", "--verbose", path);

        run.Lines[0].Should().EndWith("block 0: the node rejected a valid block");
        run.Lines.Should().Contain("expected: accept");
    }

    [Fact]
    public void A_differing_state_field_fails_and_verbose_names_the_field()
    {
        var vector = TempVectors.Load(RejectVector);
        var state = Block(vector, 1)["state"]!.AsObject();
        var expectedHeight = state["height"]!.GetValue<int>();
        state["height"] = expectedHeight + 5;
        var path = _temp.Write("v.json", vector);

        var run = CliRun.Of("replay", "--verbose", path);

        run.Lines[0].Should().EndWith("block 1: the state differs");
        run.Lines.Should().Contain($"state:    height: expected {expectedHeight + 5}, node has {expectedHeight}");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var vector = TempVectors.Load(RejectVector);
        vector["extra"] = new JsonObject { ["anything"] = new JsonArray(1, 2, 3) };
        Block(vector, 0)["note"] = "informational";
        Block(vector, 1)["state"]!["somethingNew"] = 42;
        var path = _temp.Write("v.json", vector);

        CliRun.Of("replay", path).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Hex_that_is_not_a_block_counts_as_a_BASE_rejection()
    {
        var vector = TempVectors.Load(RejectVector);
        Block(vector, 0)["hex"] = "00112233";
        Block(vector, 0)["code"] = "BASE";
        var path = _temp.Write("v.json", vector);

        CliRun.Of("replay", path).ExitCode.Should().Be(0);
    }

    [Fact]
    public void A_directory_without_vectors_is_an_error()
    {
        var empty = Path.Combine(_temp.Folder, "empty");
        Directory.CreateDirectory(empty);

        var run = CliRun.Of("replay", empty);

        run.Lines.Should().Equal($"FAIL  {empty}  error: the directory holds no *.json file", "0 passed, 1 failed");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Replay_without_a_path_is_a_usage_error()
    {
        CliRun.Of("replay").ExitCode.Should().Be(2);
    }
}
