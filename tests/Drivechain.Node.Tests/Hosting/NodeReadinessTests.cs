using Drivechain.Node.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drivechain.Node.Tests.Hosting;

public sealed class NodeReadinessTests
{
    [Fact]
    public void WhenReady_completes_only_once_the_node_reaches_ready()
    {
        var readiness = new NodeReadiness(NullLogger<NodeReadiness>.Instance);

        readiness.Transition(NodeState.Syncing, "loading");
        var beforeReady = readiness.WhenReady.IsCompleted;
        readiness.Transition(NodeState.Ready, "loaded");

        beforeReady.Should().BeFalse();
        readiness.WhenReady.IsCompletedSuccessfully.Should().BeTrue();
        readiness.State.Should().Be(NodeState.Ready);
    }

    [Fact]
    public void A_node_that_stops_before_it_was_ready_never_reports_ready()
    {
        var readiness = new NodeReadiness(NullLogger<NodeReadiness>.Instance);

        readiness.Transition(NodeState.Syncing, "loading");
        readiness.Transition(NodeState.Stopping, "fatal error");

        readiness.WhenReady.IsCompleted.Should().BeFalse();
        readiness.State.Should().Be(NodeState.Stopping);
    }
}
