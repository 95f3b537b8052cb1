using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus.State;
using Drivechain.Consensus.Vectors;
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

    [Theory]
    [MemberData(nameof(Files))]
    public void Vector_replays_with_the_expected_verdicts_codes_and_states(string file)
    {
        var vector = DrivechainVectors.Read(VectorPaths.File("drivechain", file));
        var validator = new DrivechainValidator(DrivechainVectors.ParamsOf(vector));
        var known = new Dictionary<UInt256, (DrivechainState State, int Height)> { [RegtestGenesis] = (DrivechainState.Empty, 0) };
        vector.Blocks.Should().NotBeEmpty();
        foreach (var entry in vector.Blocks)
        {
            int i = entry.Index;
            var block = Block.Parse(entry.Bytes);
            known.Should().ContainKey(block.Header.PreviousBlockHash, $"block {i}'s parent must be known (linear vectors)");
            var (parentState, parentHeight) = known[block.Header.PreviousBlockHash];
            var outcome = validator.Connect(parentState, block, parentHeight + 1);
            if (!entry.ExpectAccept)
            {
                var rejected = outcome.Should().BeOfType<ConnectOutcome.Rejected>($"block {i} of {file} must be rejected").Subject;
                rejected.Rejection.CodeString.Should().Be(entry.Code, $"block {i} of {file}");
                continue;
            }
            var accepted = outcome.Should().BeOfType<ConnectOutcome.Accepted>(
                $"block {i} of {file} must be accepted ({(outcome as ConnectOutcome.Rejected)?.Rejection})").Subject;
            known[block.Hash] = (accepted.State, parentHeight + 1);
            if (entry.State is { } expected)
            {
                var actual = VectorState.From(block.Hash, parentHeight + 1, accepted.State);
                VectorStateComparer.Compare(expected, actual).Should().BeEmpty($"block {i} of {file} must leave the expected state");
            }
        }
    }
}
