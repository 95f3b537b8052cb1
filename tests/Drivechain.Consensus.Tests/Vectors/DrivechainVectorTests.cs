using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Testing.Vectors;

namespace Drivechain.Consensus.Tests.Vectors;

/// <summary>
/// The public vectors of ../shared/vectors/drivechain replayed through <see cref="DrivechainValidator.Connect"/>
/// alone (base validity is not checked here): verdicts, codes and every "state" field.
/// </summary>
public class DrivechainVectorTests
{
    /// <summary>Regtest genesis (display hex).</summary>
    private static readonly UInt256 RegtestGenesis = UInt256.Parse("0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(VectorPaths.Folder("drivechain"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    internal static DrivechainParams ParamsOf(JsonNode vector)
    {
        var p = vector["params"]!;
        var network = p["network"]?.GetValue<string>() ?? "regtest";
        var result = DrivechainParams.ForNetwork(network == "mainnet" ? "main" : network);
        if (p["thresholds"] is JsonObject t)
            result = result with
            {
                WithdrawalBundleMaxAge = t["withdrawalBundleMaxAge"]!.GetValue<int>(),
                WithdrawalBundleInclusionThreshold = t["withdrawalBundleInclusionThreshold"]!.GetValue<int>(),
                UsedSlotProposalMaxAge = t["usedSlotProposalMaxAge"]!.GetValue<int>(),
                UsedSlotActivationThreshold = t["usedSlotActivationThreshold"]!.GetValue<int>(),
                UnusedSlotProposalMaxAge = t["unusedSlotProposalMaxAge"]!.GetValue<int>(),
                UnusedSlotActivationThreshold = t["unusedSlotActivationThreshold"]!.GetValue<int>(),
            };
        if (p["activationHeight"] is JsonNode h) result = result with { ActivationHeight = h.GetValue<int>() };
        return result;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Vector_replays_with_the_expected_verdicts_codes_and_states(string file)
    {
        var vector = JsonNode.Parse(File.ReadAllText(VectorPaths.File("drivechain", file)))!;
        var validator = new DrivechainValidator(ParamsOf(vector));
        var known = new Dictionary<UInt256, (DrivechainState State, int Height)> { [RegtestGenesis] = (DrivechainState.Empty, 0) };
        var blocks = vector["blocks"]!.AsArray();
        blocks.Should().NotBeEmpty();
        for (int i = 0; i < blocks.Count; i++)
        {
            var entry = blocks[i]!;
            var block = Block.Parse(entry["hex"]!.GetValue<string>());
            known.Should().ContainKey(block.Header.PreviousBlockHash, $"block {i}'s parent must be known (linear vectors)");
            var (parentState, parentHeight) = known[block.Header.PreviousBlockHash];
            var outcome = validator.Connect(parentState, block, parentHeight + 1);
            var expect = entry["expect"]!.GetValue<string>();
            if (expect == "reject")
            {
                var rejected = outcome.Should().BeOfType<ConnectOutcome.Rejected>($"block {i} of {file} must be rejected").Subject;
                rejected.Rejection.CodeString.Should().Be(entry["code"]!.GetValue<string>(), $"block {i} of {file}");
                continue;
            }
            var accepted = outcome.Should().BeOfType<ConnectOutcome.Accepted>(
                $"block {i} of {file} must be accepted ({(outcome as ConnectOutcome.Rejected)?.Rejection})").Subject;
            known[block.Hash] = (accepted.State, parentHeight + 1);
            if (entry["state"] is JsonObject expected)
            {
                var actual = VectorStateJson.Render(accepted.State, block.Hash, parentHeight + 1);
                JsonNode.DeepEquals(expected, actual).Should().BeTrue(
                    $"block {i} of {file}: expected {expected.ToJsonString()} but was {actual.ToJsonString()}");
            }
        }
    }
}
