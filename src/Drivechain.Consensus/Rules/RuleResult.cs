namespace Drivechain.Consensus.Rules;

/// <summary>Pass, or a rejection.</summary>
public readonly struct RuleResult
{
    private RuleResult(Rejection rejection) => Rejection = rejection;

    /// <summary>Passed.</summary>
    public static RuleResult Pass => default;

    /// <summary>The rejection, or null when passed.</summary>
    public Rejection? Rejection { get; }

    /// <summary>True when no rule was broken.</summary>
    public bool Passed => Rejection is null;

    /// <summary>A rejection with <paramref name="code"/>.</summary>
    public static RuleResult Reject(RejectCode code, string detail) => new(new Rejection(code, detail));

    /// <summary>"pass" or the rejection.</summary>
    public override string ToString() => Rejection?.ToString() ?? "pass";
}
