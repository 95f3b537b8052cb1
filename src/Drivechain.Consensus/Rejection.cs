namespace Drivechain.Consensus;

/// <summary>Why a block or transaction is invalid: a spec §8 code and a human detail.</summary>
/// <param name="Code">The code.</param>
/// <param name="Detail">What exactly (slot, M6ID, vout …), for logs.</param>
public sealed record Rejection(RejectCode Code, string Detail)
{
    /// <summary>The spec's wire string, e.g. <c>"M4_UNKNOWN_BUNDLE"</c>.</summary>
    public string CodeString => Code.ToWireString();

    /// <summary>"CODE: detail".</summary>
    public override string ToString() => $"{CodeString}: {Detail}";
}
