using System.Globalization;
using Drivechain.Bitcoin.Primitives;

namespace Drivechain.Node.Rpc.Json;

/// <summary>Core's ParseHashV / ParseHexV with their RPC_INVALID_PARAMETER messages.</summary>
public static class RpcHex
{
    public static UInt256 ParseHash(string value, string name)
    {
        if (value.Length != 64)
            throw new RpcException(RpcErrorCode.InvalidParameter, string.Create(CultureInfo.InvariantCulture, $"{name} must be of length 64 (not {value.Length}, for '{value}')"));
        if (!IsHex(value))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be hexadecimal string (not '{value}')");
        return UInt256.Parse(value);
    }

    public static byte[] ParseHex(string value, string name)
    {
        if (!IsHex(value))
            throw new RpcException(RpcErrorCode.InvalidParameter, $"{name} must be hexadecimal string (not '{value}') and length of it must be divisible by 2");
        return Convert.FromHexString(value);
    }

    public static bool IsHex(string value)
    {
        if (value.Length % 2 != 0) return false;
        foreach (var c in value)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
