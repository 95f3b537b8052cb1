namespace Drivechain.Cli.Replay;

/// <summary>One entry of a vector's <c>blocks</c> array: the raw block, the expected verdict and optional state.</summary>
internal sealed record VectorBlock(int Index, ReadOnlyMemory<byte> Bytes, bool ExpectAccept, string? Code, ReplayState? State)
{
    /// <summary>The expectation as text: <c>accept</c> or <c>reject CODE</c>.</summary>
    public string Describe() => ExpectAccept ? "accept" : Code is null ? "reject" : $"reject {Code}";
}
