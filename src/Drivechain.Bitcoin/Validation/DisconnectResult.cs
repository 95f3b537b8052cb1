namespace Drivechain.Bitcoin.Validation;

/// <summary>The outcome of reverting a block from a coin set (Core's DisconnectResult).</summary>
public enum DisconnectResult
{
    /// <summary>All coins were as expected.</summary>
    Ok,

    /// <summary>
    /// Reverted, but the coin set did not match the undo exactly (a created coin was missing or differed, or a restored
    /// coin was already present): the coin set was not the one the block was connected to.
    /// </summary>
    Unclean,
}
