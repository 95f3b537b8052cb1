using Drivechain.Consensus;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Testing.Vectors;

/// <summary>
/// <c>drivechain-vectors/1</c> files (shared/vectors/drivechain and core) read by the one reader the CLI uses,
/// <see cref="VectorReader"/>; a file it cannot read fails the test with the reader's message.
/// </summary>
public static class DrivechainVectors
{
    /// <summary>The parsed vector at <paramref name="path"/>.</summary>
    public static VectorFile Read(string path)
    {
        if (!VectorReader.TryRead(File.ReadAllBytes(path), Path.GetFileNameWithoutExtension(path), out var vector, out var error))
            throw new InvalidDataException($"{path}: {error}");
        return vector;
    }

    /// <summary>The vector's drivechain parameters (network defaults with its overrides).</summary>
    public static DrivechainParams ParamsOf(VectorFile vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Params.TryCreateParams(out var parameters, out var error)
            ? parameters
            : throw new InvalidDataException($"{vector.Name}: {error}");
    }
}
