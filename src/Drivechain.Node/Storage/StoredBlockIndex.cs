using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Storage;

/// <summary>A block-index row as stored: what is needed to rebuild a <see cref="BlockIndex"/> entry.</summary>
internal sealed record StoredBlockIndex(
    BlockHeader Header, int Height, BlockStatus Status, long SequenceId, BlockFilePosition Position,
    int TransactionCount, string? FailureCode, string? FailureReason);
