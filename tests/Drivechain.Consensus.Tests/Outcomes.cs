namespace Drivechain.Consensus.Tests;

internal static class Outcomes
{
    public static Rejection ShouldBeRejected(this ConnectOutcome outcome, RejectCode code)
    {
        var rejected = outcome.Should().BeOfType<ConnectOutcome.Rejected>().Subject;
        rejected.Rejection.Code.Should().Be(code, rejected.Rejection.ToString());
        return rejected.Rejection;
    }

    public static ConnectOutcome.Accepted ShouldBeAccepted(this ConnectOutcome outcome, string because = "") =>
        outcome.Should().BeOfType<ConnectOutcome.Accepted>($"{because} {(outcome as ConnectOutcome.Rejected)?.Rejection}").Subject;
}
