using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Validation;

/// <summary>The outcome of <see cref="BlockValidation.ConnectBlock"/>.</summary>
public abstract record ConnectBlockResult
{
    private ConnectBlockResult() { }

    /// <summary>The block connects: apply <paramref name="Delta"/> to the coin set (and keep it as the undo data).</summary>
    /// <param name="Delta">Coins spent (with their data, for disconnect) and created.</param>
    /// <param name="Fees">The sum of the block's transaction fees.</param>
    /// <param name="SigOpsCost">The block's total sigop cost (≤ 80,000).</param>
    public sealed record Accepted(CoinsDelta Delta, Money Fees, long SigOpsCost) : ConnectBlockResult;

    /// <summary>The block breaks a rule; the coin set must not change.</summary>
    /// <param name="Error">The first broken rule.</param>
    public sealed record Rejected(BlockValidationError Error) : ConnectBlockResult;

    /// <summary>True for <see cref="Accepted"/>.</summary>
    public bool IsAccepted => this is Accepted;
}
