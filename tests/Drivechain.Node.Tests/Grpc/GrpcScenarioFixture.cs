namespace Drivechain.Node.Tests.Grpc;

/// <summary>One <see cref="GrpcScenario"/> (101 blocks mined) shared by the tests of a class that only read or add blocks.</summary>
public sealed class GrpcScenarioFixture : IAsyncLifetime
{
    public GrpcScenario Scenario { get; private set; } = null!;

    public async Task InitializeAsync() => Scenario = await GrpcScenario.StartAsync();

    public async Task DisposeAsync() => await Scenario.DisposeAsync();
}
