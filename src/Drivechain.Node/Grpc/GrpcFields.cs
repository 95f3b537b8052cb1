using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Serialization;
using Drivechain.Node.Grpc.Protos.Common.V1;
using Hex = Drivechain.Node.Grpc.Protos.Common.V1.Hex;
using Grpc.Core;

namespace Drivechain.Node.Grpc;

/// <summary>
/// Reads request fields the way spec §1–2 says: a missing wrapper is INVALID_ARGUMENT naming the field, malformed hex
/// is INVALID_ARGUMENT naming the field and what was expected. Never a default, never a crash.
/// </summary>
public static class GrpcFields
{
    /// <summary>An INVALID_ARGUMENT status with <paramref name="message"/>.</summary>
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    /// <summary>A NOT_FOUND status with <paramref name="message"/>.</summary>
    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    /// <summary>A FAILED_PRECONDITION status with <paramref name="message"/>.</summary>
    public static RpcException FailedPrecondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    /// <summary>A required <c>google.protobuf.UInt32Value</c>.</summary>
    public static uint Required(uint? value, string field) =>
        value ?? throw Invalid($"{field} is required (google.protobuf.UInt32Value)");

    /// <summary>A sidechain slot (0–255) from a required <c>google.protobuf.UInt32Value</c>.</summary>
    public static byte Slot(uint? value, string field)
    {
        var slot = Required(value, field);
        return slot <= byte.MaxValue ? (byte)slot : throw Invalid($"{field} {slot} is not a sidechain slot (0-255)");
    }

    /// <summary>A block hash or txid in display order (<c>cusf.common.v1.ReverseHex</c>).</summary>
    public static UInt256 Hash(ReverseHex? value, string field)
    {
        var hex = value?.Hex ?? throw Invalid($"{field} is required (cusf.common.v1.ReverseHex with hex set)");
        return UInt256.TryParse(hex, out var hash) ? hash : throw Invalid($"{field} '{Clip(hex)}' is not 64 hex digits");
    }

    /// <summary>Raw bytes (<c>cusf.common.v1.Hex</c>).</summary>
    public static byte[] Bytes(Hex? value, string field) =>
        Decode(value?.Hex_ ?? throw Invalid($"{field} is required (cusf.common.v1.Hex with hex set)"), field);

    /// <summary>A fixed-size array in consensus encoding (<c>cusf.common.v1.ConsensusHex</c>): its raw bytes.</summary>
    public static byte[] Fixed(ConsensusHex? value, string field, int length)
    {
        var bytes = Decode(value?.Hex ?? throw Invalid($"{field} is required (cusf.common.v1.ConsensusHex with hex set)"), field);
        return bytes.Length == length ? bytes : throw Invalid($"{field} must be {length} bytes, got {bytes.Length}");
    }

    /// <summary>A variable-length byte string in consensus encoding: CompactSize length, then the bytes.</summary>
    public static byte[] VarBytes(ConsensusHex? value, string field)
    {
        var bytes = Decode(value?.Hex ?? throw Invalid($"{field} is required (cusf.common.v1.ConsensusHex with hex set)"), field);
        var reader = new BitcoinReader(bytes);
        if (!reader.TryReadVarBytes(out var inner) || reader.Remaining != 0)
            throw Invalid($"{field} must be a CompactSize length followed by exactly that many bytes");
        return inner.ToArray();
    }

    private static byte[] Decode(string hex, string field)
    {
        if (hex.Length % 2 != 0) throw Invalid($"{field} has an odd number of hex digits");
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw Invalid($"{field} '{Clip(hex)}' is not hex");
        }
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
