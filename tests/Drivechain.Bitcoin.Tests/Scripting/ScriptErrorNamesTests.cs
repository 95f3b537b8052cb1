using Drivechain.Bitcoin.Scripting;

namespace Drivechain.Bitcoin.Tests.Scripting;

public class ScriptErrorNamesTests
{
    [Fact]
    public void Every_error_round_trips_through_its_Core_name()
    {
        foreach (var error in Enum.GetValues<ScriptError>())
        {
            ScriptErrorNames.TryParse(error.ToCoreName(), out var parsed).Should().BeTrue(error.ToString());
            parsed.Should().Be(error);
        }
    }

    [Fact]
    public void Null_fail_uses_Core_test_name()
    {
        ScriptError.SigNullFail.ToCoreName().Should().Be("NULLFAIL");
        ScriptErrorNames.TryParse("SCRIPT_ERR_SIG_NULLFAIL", out var e).Should().BeTrue();
        e.Should().Be(ScriptError.SigNullFail);
    }

    [Fact]
    public void Flag_names_parse_and_format_all_21_flags()
    {
        var all = ScriptVerifyFlagNames.Parse(ScriptVerifyFlagNames.Format(ScriptVerifyFlags.All));
        all.Should().Be(ScriptVerifyFlags.All);
        ScriptVerifyFlagNames.Parse("NONE").Should().Be(ScriptVerifyFlags.None);
        ScriptVerifyFlagNames.Parse("").Should().Be(ScriptVerifyFlags.None);
        ScriptVerifyFlagNames.Parse("P2SH,CHECKSEQUENCEVERIFY").Should().Be(ScriptVerifyFlags.P2SH | ScriptVerifyFlags.CheckSequenceVerify);
        ScriptVerifyFlagNames.TryParse("P2SH,BOGUS", out _, out var unknown).Should().BeFalse();
        unknown.Should().Be("BOGUS");
        ScriptVerifyFlagNames.NameOf(ScriptVerifyFlags.DiscourageUpgradablePubKeyType).Should().Be("DISCOURAGE_UPGRADABLE_PUBKEYTYPE");
    }
}
