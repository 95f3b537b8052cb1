using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Validation;
using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Validation;

/// <summary>
/// Replays the regtest chains mined and signed by Bitcoin Core (vectors/core) through the whole block pipeline:
/// every block Core accepted must pass; the variants with a corrupted signature must fail on their script.
/// </summary>
public class CoreChainVectorTests
{
    public static TheoryData<string> Files => new() { "core-wallet-chain-public.json", "core-sig-heavy-public.json" };

    [Theory]
    [MemberData(nameof(Files))]
    public void Core_mined_chain_replays_with_Cores_verdicts(string file)
    {
        var vector = DrivechainVectors.Read(VectorPaths.File("core", file));
        vector.Params.Network.Should().Be("regtest");
        var chain = new TestChain();
        int index = 0, accepted = 0, rejected = 0;
        foreach (var entry in vector.Blocks)
        {
            var block = Block.Parse(entry.Bytes);
            string note = entry.Note ?? "";
            block.Header.PreviousBlockHash.Should().Be(chain.TipHash, $"block {index} extends the tip");

            var error = chain.Submit(block, ScriptCheckMode.Parallel, now: long.MaxValue / 2);

            if (entry.ExpectAccept)
            {
                error.Should().BeNull($"block {index} ({note}) was accepted by Core");
                accepted++;
            }
            else
            {
                error.Should().NotBeNull($"block {index} ({note}) was rejected by Core");
                error!.RejectReason.Should().StartWith("block-script-verify-flag-failed", $"block {index}: {note}");
                rejected++;
            }
            index++;
        }
        (accepted + rejected).Should().Be(index);
        accepted.Should().BeGreaterThan(100);
    }
}
