using Drivechain.Bitcoin.Scripting;
using Drivechain.Bitcoin.Validation;

namespace Drivechain.Bitcoin.Tests.Validation;

public class ScriptErrorMessagesTests
{
    [Fact]
    public void Every_script_error_has_a_message_and_they_are_distinct()
    {
        var messages = Enum.GetValues<ScriptError>().Select(e => e.ToCoreMessage()).ToList();

        messages.Should().NotContain(string.Empty);
        messages.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(ScriptError.EvalFalse, "Script evaluated without error but finished with a false/empty top stack element")]
    [InlineData(ScriptError.SchnorrSig, "Invalid Schnorr signature")]
    [InlineData(ScriptError.SigNullFail, "Signature must be zero for failed CHECK(MULTI)SIG operation")]
    public void Messages_are_Cores_text(ScriptError error, string message) => error.ToCoreMessage().Should().Be(message);
}
