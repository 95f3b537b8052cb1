using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Node.Chain;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Core's blockheaderToJSON / blockToJSON and GetDifficulty.</summary>
public static class BlockJson
{
    public static double Difficulty(uint bits)
    {
        var shift = (int)((bits >> 24) & 0xff);
        var difficulty = (double)0x0000ffff / (bits & 0x00ffffff);
        while (shift < 29) { difficulty *= 256.0; shift++; }
        while (shift > 29) { difficulty /= 256.0; shift--; }
        return difficulty;
    }

    public static string ChainWorkHex(BigInteger work) => work.ToString("x64", CultureInfo.InvariantCulture)[^64..];

    public static string TargetHex(BlockHeader header) => header.Target.ToString("x64", CultureInfo.InvariantCulture)[^64..];

    public static JsonObject Header(BlockIndex index, ChainManager chain)
    {
        var header = index.Header;
        var inActive = chain.IsInActiveChain(index.Hash);
        var json = new JsonObject
        {
            ["hash"] = index.Hash.ToString(),
            ["confirmations"] = inActive ? chain.Height - index.Height + 1 : -1,
            ["height"] = index.Height,
            ["version"] = header.Version,
            ["versionHex"] = header.Version.ToString("x8", CultureInfo.InvariantCulture),
            ["merkleroot"] = header.MerkleRoot.ToString(),
            ["time"] = header.Time,
            ["mediantime"] = index.GetMedianTimePast(),
            ["nonce"] = header.Nonce,
            ["bits"] = header.Bits.ToString("x8", CultureInfo.InvariantCulture),
            ["target"] = TargetHex(header),
            ["difficulty"] = Difficulty(header.Bits),
            ["chainwork"] = ChainWorkHex(index.ChainWork),
            ["nTx"] = index.TransactionCount,
        };
        if (index.Parent is { } parent) json["previousblockhash"] = parent.Hash.ToString();
        if (inActive && chain.GetBlockHash(index.Height + 1) is { } next) json["nextblockhash"] = next.ToString();
        return json;
    }
}
