using Drivechain.Bitcoin.Crypto;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
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
        var vector = DrivechainVectors.Read(Path.Combine(VectorPaths.Root, name));
        var network = Network.FromName(vector.Params.Network);
        var options = new ChainManagerOptions { ParallelScriptChecks = parallelScripts, ParallelScriptCheckMinInputs = 1 };
        using var chain = ChainManager.CreateInMemory(network, DrivechainVectors.ParamsOf(vector), Secp256k1Provider.CreateDefault(), options);

        int i = 0;
        foreach (var entry in vector.Blocks)
        {
            var block = Block.Parse(entry.Bytes);
            var outcome = chain.SubmitBlock(block);
            if (entry.ExpectAccept)
            {
                outcome.Should().BeOfType<SubmitOutcome.Accepted>($"block {i} of {name} is valid ({outcome})");
            }
            else
            {
                var rejected = outcome.Should().BeOfType<SubmitOutcome.Rejected>($"block {i} of {name} is invalid").Subject;
                if (entry.Code is { } code) rejected.Code.Should().Be(code, $"block {i} of {name}: {rejected.Reason}");
            }
            if (entry.State is { } state)
            {
                chain.Tip.Hash.Should().Be(state.Tip, $"tip after block {i} of {name}");
                chain.Height.Should().Be(state.Height, $"height after block {i} of {name}");
            }
            i++;
        }
        i.Should().BeGreaterThan(0);
    }
}
