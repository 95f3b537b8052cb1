using System.Numerics;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Bitcoin.Networks;

/// <summary>Bitcoin Core's difficulty rules (pow.cpp) as pure functions of a network and header data.</summary>
public static class ProofOfWork
{
    private static readonly BigInteger Mask256 = (BigInteger.One << 256) - 1;

    /// <summary>BIP94's MAX_TIMEWARP: how far (seconds) a period's first block may predate its parent.</summary>
    public const long MaxTimewarp = 600;

    /// <summary>
    /// BIP94 (Core's "time-timewarp-attack"): on networks enforcing it, the first block of a difficulty period
    /// (height a multiple of the interval, genesis excluded) must not be more than <see cref="MaxTimewarp"/> seconds
    /// earlier than its parent. Returns true when the header breaks that rule.
    /// </summary>
    public static bool IsTimewarpViolation(Network network, int height, uint time, uint previousTime)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.EnforceBip94 || height == 0 || height % network.DifficultyAdjustmentInterval != 0) return false;
        return time < (long)previousTime - MaxTimewarp;
    }

    /// <summary>
    /// Core's GetNextWorkRequired: the compact target a block at height <c>last.Height + 1</c> with
    /// timestamp <paramref name="newBlockTime"/> must carry.
    /// <list type="bullet">
    /// <item>Between retargets the target stays that of <paramref name="last"/>; on networks allowing
    /// minimum-difficulty blocks (testnet) a block more than 20 minutes after its parent may use the proof-of-work
    /// limit, and otherwise the target of the last block that did not use that exception (walking back, stopping at
    /// a period start).</item>
    /// <item>At a retarget the target is scaled by the time the last 2015 intervals took, clamped to a factor of
    /// four, and capped at the limit (<see cref="CalculateNextWorkRequired"/>).</item>
    /// </list>
    /// </summary>
    public static uint GetNextWorkRequired(Network network, PowHeader last, uint newBlockTime, IHeaderAncestry chain)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(chain);
        uint limitBits = network.PowLimitBits;
        int interval = network.DifficultyAdjustmentInterval;

        if ((last.Height + 1) % interval != 0)
        {
            if (!network.PowAllowMinDifficultyBlocks) return last.Bits;
            if (newBlockTime > (long)last.Time + network.PowTargetSpacing * 2) return limitBits;
            var walk = last;
            while (walk.Height > 0 && walk.Height % interval != 0 && walk.Bits == limitBits)
                walk = chain.GetAncestor(walk.Height - 1);
            return walk.Bits;
        }

        int firstHeight = last.Height - (interval - 1);
        if (firstHeight < 0) throw new ArgumentException($"a retarget after height {last.Height} needs {interval} ancestors", nameof(last));
        var first = chain.GetAncestor(firstHeight);
        return CalculateNextWorkRequired(network, last, first.Time, network.EnforceBip94 ? first.Bits : last.Bits);
    }

    /// <summary>
    /// Core's CalculateNextWorkRequired: <paramref name="baseBits"/> (the last block's bits, or under BIP94 the
    /// period's first block's bits) scaled by the actual timespan from <paramref name="firstBlockTime"/> to
    /// <paramref name="last"/>'s time, clamped to [timespan/4, timespan×4], capped at the limit. Regtest
    /// (no retargeting) returns <paramref name="last"/>'s bits.
    /// </summary>
    public static uint CalculateNextWorkRequired(Network network, PowHeader last, long firstBlockTime, uint baseBits)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.PowNoRetargeting) return last.Bits;

        long timespan = network.PowTargetTimespan;
        long actual = Math.Clamp(last.Time - firstBlockTime, timespan / 4, timespan * 4);

        // arith_uint256 semantics: SetCompact ignores sign/overflow flags here, and the product wraps at 2^256.
        var target = BlockHeader.DecodeCompact(baseBits, out _, out _) & Mask256;
        target = (target * actual) & Mask256;
        target /= timespan;
        if (target > network.PowLimit) target = network.PowLimit;
        return BlockHeader.EncodeCompact(target);
    }

    /// <summary>
    /// Core's PermittedDifficultyTransition: false when <paramref name="newBits"/> at <paramref name="height"/>
    /// could not follow <paramref name="oldBits"/> under the retarget rules (used to sanity-check headers before
    /// their ancestors are known). Always true on networks that allow minimum-difficulty blocks.
    /// </summary>
    public static bool PermittedDifficultyTransition(Network network, long height, uint oldBits, uint newBits)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (network.PowAllowMinDifficultyBlocks) return true;
        if (height % network.DifficultyAdjustmentInterval == 0)
        {
            long timespan = network.PowTargetTimespan;
            var observed = BlockHeader.DecodeCompact(newBits, out _, out _);

            var largest = (BlockHeader.DecodeCompact(oldBits, out _, out _) * (timespan * 4) & Mask256) / timespan;
            if (largest > network.PowLimit) largest = network.PowLimit;
            var maxRounded = BlockHeader.DecodeCompact(BlockHeader.EncodeCompact(largest), out _, out _);
            if (maxRounded < observed) return false;

            var smallest = (BlockHeader.DecodeCompact(oldBits, out _, out _) * (timespan / 4) & Mask256) / timespan;
            if (smallest > network.PowLimit) smallest = network.PowLimit;
            var minRounded = BlockHeader.DecodeCompact(BlockHeader.EncodeCompact(smallest), out _, out _);
            if (minRounded > observed) return false;
        }
        else if (oldBits != newBits)
        {
            return false;
        }
        return true;
    }
}
