namespace Drivechain.Node.Storage;

/// <summary>Where a block's bytes are: file number (blkNNNNN.dat), offset of the block bytes, length.</summary>
public readonly record struct BlockFilePosition(int File, long Offset, int Size)
{
    /// <summary>No position (in-memory mode, or a block whose data was never stored).</summary>
    public static readonly BlockFilePosition None = new(-1, 0, 0);

    /// <summary>True when the position refers to stored bytes.</summary>
    public bool IsSet => File >= 0;
}
