using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.P2P.Messages;

/// <summary>A transaction sent in full inside a cmpctblock, with its absolute index in the block.</summary>
public readonly record struct PrefilledTransaction(int Index, Transaction Transaction);
