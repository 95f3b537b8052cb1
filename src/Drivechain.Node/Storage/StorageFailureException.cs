namespace Drivechain.Node.Storage;

/// <summary>
/// The node's store could not be written (disk full, an I/O error): the node cannot go on safely and shuts down after
/// logging the cause. Nothing acknowledged is lost: the failed write is never acknowledged.
/// </summary>
public sealed class StorageFailureException(string message, Exception? inner = null) : IOException(message, inner);
