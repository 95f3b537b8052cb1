namespace Drivechain.Cli.Tests.Commands;

/// <summary><c>drivechain m6id</c> with the worked example of spec §9.3.</summary>
public class M6IdCommandTests
{
    /// <summary>Spec §9.3: CTIP 1111…11:0, treasury 69 990 000 at output 0, 30 000 000 to a P2WPKH.</summary>
    internal const string Spec93Transaction =
        "02000000" + "01" + "1111111111111111111111111111111111111111111111111111111111111111" + "00000000" + "00" + "ffffffff"
        + "02" + "70f62b0400000000" + "04" + "b4010151"
        + "80c3c90100000000" + "16" + "00142222222222222222222222222222222222222222"
        + "00000000";

    [Fact]
    public void The_spec_example_gives_the_spec_m6id_in_display_and_internal_order()
    {
        var run = CliRun.Of("m6id", Spec93Transaction, "100000000");

        run.ExitCode.Should().Be(0);
        run.Lines.Should().Equal(
            "m6id:          0b08fdb6369c73077b50a2a1d5dbe59661d40249cb3c92f8e3139246764e56f3",
            "m6id internal: f3564e76469213e3f8923ccb4902d46196e5dbd5a1a2507b07739c36b6fd080b");
    }

    [Fact]
    public void A_different_ctip_value_changes_the_fee_and_so_the_m6id()
    {
        var run = CliRun.Of("m6id", Spec93Transaction, "100000001");

        run.ExitCode.Should().Be(0);
        run.Output.Should().NotContain("0b08fdb6369c73077b50a2a1d5dbe59661d40249cb3c92f8e3139246764e56f3");
    }

    [Fact]
    public void Outputs_above_the_ctip_value_are_an_insufficient_treasury_error()
    {
        var run = CliRun.Of("m6id", Spec93Transaction, "99989999");

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("M6_INSUFFICIENT_TREASURY").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("0200")]
    [InlineData("")]
    public void Input_that_is_not_a_transaction_is_a_clear_error_without_a_stack_trace(string hex)
    {
        var run = CliRun.Of("m6id", hex, "100000000");

        run.ExitCode.Should().Be(1);
        run.Error.Should().StartWith("error: not a transaction").And.NotContain("   at ");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public void A_non_numeric_ctip_value_is_a_usage_error()
    {
        CliRun.Of("m6id", Spec93Transaction, "lots").ExitCode.Should().Be(2);
    }
}
