using System.Text;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Consensus.Tests.Vectors;

/// <summary>The one reader of the <c>drivechain-vectors/1</c> format: whole files and standalone <c>params</c> objects.</summary>
public class VectorReaderTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Params_override_only_the_thresholds_they_name_on_top_of_the_network_defaults()
    {
        VectorReader.TryReadParams(Utf8("""{"network":"regtest","thresholds":{"withdrawalBundleMaxAge":7},"activationHeight":3}"""),
            out var vector, out var error).Should().BeTrue(error);

        vector!.TryCreateParams(out var parameters, out error).Should().BeTrue(error);

        parameters!.WithdrawalBundleMaxAge.Should().Be(7);
        parameters.ActivationHeight.Should().Be(3);
        parameters.UsedSlotProposalMaxAge.Should().Be(DrivechainParams.Short.UsedSlotProposalMaxAge);
    }

    [Fact]
    public void An_unknown_network_is_an_error_naming_it()
    {
        VectorReader.TryReadParams(Utf8("""{"network":"nonsense"}"""), out var vector, out var error).Should().BeTrue(error);

        vector!.TryCreateParams(out _, out error).Should().BeFalse();

        error.Should().Contain("unknown network \"nonsense\"");
    }

    [Theory]
    [InlineData("{\"network\":", "invalid JSON")]
    [InlineData("{}", "missing \"params.network\"")]
    [InlineData("{\"network\":\"regtest\",\"thresholds\":{\"usedSlotProposalMaxAge\":\"x\"}}", "usedSlotProposalMaxAge must be an integer")]
    public void Bad_params_are_a_message_not_an_exception(string json, string expected)
    {
        VectorReader.TryReadParams(Utf8(json), out var vector, out var error).Should().BeFalse();

        vector.Should().BeNull();
        error.Should().Contain(expected);
    }

    [Fact]
    public void A_file_without_its_format_string_is_refused()
    {
        VectorReader.TryRead(Utf8("""{"params":{"network":"regtest"},"blocks":[]}"""), "x", out var file, out var error).Should().BeFalse();

        file.Should().BeNull();
        error.Should().Contain("missing \"format\"");
    }
}
