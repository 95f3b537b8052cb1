using Drivechain.Bitcoin.Networks;

namespace Drivechain.Bitcoin.Validation;

/// <summary>The chain a block extends, as the base stages read it (Core's <c>pindexPrev</c> and its ancestry).</summary>
public interface IBlockParent
{
    /// <summary>The parent's height (the block's is one more).</summary>
    int Height { get; }

    /// <summary>The parent's header time.</summary>
    uint Time { get; }

    /// <summary>The parent's median-time-past (BIP113).</summary>
    uint GetMedianTimePast();

    /// <summary>The bits a child with timestamp <paramref name="time"/> must carry (Core's GetNextWorkRequired).</summary>
    uint GetNextWorkRequired(uint time, Network network);

    /// <summary>Times and hashes of the parent's ancestry (BIP68 sequence locks, BIP30 exceptions).</summary>
    IChainHistory History { get; }
}
