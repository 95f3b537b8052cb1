namespace Drivechain.Node.Tests.P2P;

/// <summary>A wall clock the test sets and moves by hand.</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
