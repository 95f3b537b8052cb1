using System.Text.Json;
using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Node.Chain;
using Drivechain.Testing.Vectors;

namespace Drivechain.Node.Tests.Chain;

/// <summary>
/// Every shared chain vector replayed through <see cref="ChainManager.SubmitBlock(Block)"/>: each block's verdict and
/// code, and the tip and height where the vector states them. (The full state comparison is the CLI's replay.)
/// </summary>
public sealed class VectorReplayTests
{
    /// <summary>Every vector, once with sequential and once with parallel script checks (forced for every block).</summary>
    public static TheoryData<string, bool> Files()
    {
        var data = new TheoryData<string, bool>();
        foreach (var folder in new[] { "drivechain", "core" })
            foreach (var file in Directory.GetFiles(VectorPaths.Folder(folder), "*.json").Order(StringComparer.Ordinal))
                foreach (var parallel in new[] { false, true })
                    data.Add($"{folder}/{Path.GetFileName(file)}", parallel);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Replaying_the_vector_gives_every_expected_verdict(string name, bool parallelScripts)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(VectorPaths.Root, name)));
        var root = document.RootElement;
        var parameters = root.GetProperty("params");
        var network = Network.FromName(parameters.GetProperty("network").GetString()!);
        var drivechainParams = DrivechainParams.ForNetwork(network.Name);
        if (parameters.TryGetProperty("thresholds", out var t))
            drivechainParams = drivechainParams with
            {
                WithdrawalBundleMaxAge = t.GetProperty("withdrawalBundleMaxAge").GetInt32(),
                WithdrawalBundleInclusionThreshold = t.GetProperty("withdrawalBundleInclusionThreshold").GetInt32(),
                UsedSlotProposalMaxAge = t.GetProperty("usedSlotProposalMaxAge").GetInt32(),
                UsedSlotActivationThreshold = t.GetProperty("usedSlotActivationThreshold").GetInt32(),
                UnusedSlotProposalMaxAge = t.GetProperty("unusedSlotProposalMaxAge").GetInt32(),
                UnusedSlotActivationThreshold = t.GetProperty("unusedSlotActivationThreshold").GetInt32(),
            };
        if (parameters.TryGetProperty("activationHeight", out var activation))
            drivechainParams = drivechainParams with { ActivationHeight = activation.GetInt32() };
        var options = new ChainManagerOptions { ParallelScriptChecks = parallelScripts, ParallelScriptCheckMinInputs = 1 };
        using var chain = ChainManager.CreateInMemory(network, drivechainParams, Secp256k1Provider.CreateDefault(), options);

        int i = 0;
        foreach (var entry in root.GetProperty("blocks").EnumerateArray())
        {
            var block = Block.Parse(entry.GetProperty("hex").GetString()!);
            var outcome = chain.SubmitBlock(block);
            var expect = entry.GetProperty("expect").GetString();
            if (expect == "accept")
            {
                outcome.Should().BeOfType<SubmitOutcome.Accepted>($"block {i} of {name} is valid ({outcome})");
            }
            else
            {
                var rejected = outcome.Should().BeOfType<SubmitOutcome.Rejected>($"block {i} of {name} is invalid").Subject;
                if (entry.TryGetProperty("code", out var code)) rejected.Code.Should().Be(code.GetString(), $"block {i} of {name}: {rejected.Reason}");
            }
            if (entry.TryGetProperty("state", out var state))
            {
                if (state.TryGetProperty("tip", out var tip)) chain.Tip.Hash.ToString().Should().Be(tip.GetString(), $"tip after block {i} of {name}");
                if (state.TryGetProperty("height", out var height)) chain.Height.Should().Be(height.GetInt32(), $"height after block {i} of {name}");
            }
            i++;
        }
        i.Should().BeGreaterThan(0);
    }
}
