namespace Drivechain.Bitcoin.Networks;

/// <summary>
/// Read access to the chain being extended, for the difficulty rules: the header at any height at or
/// below the last block's.
/// </summary>
public interface IHeaderAncestry
{
    /// <summary>The block at <paramref name="height"/> on this chain (0 ≤ height ≤ the last block's height).</summary>
    PowHeader GetAncestor(int height);
}
