using System.Buffers.Binary;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Builds a script op by op, the way Core's <c>CScript &lt;&lt;</c> operators do. The only mutable script type;
/// <see cref="ToScript"/> copies the bytes out.
/// </summary>
public sealed class ScriptBuilder
{
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Appends one opcode.</summary>
    public ScriptBuilder Op(OpcodeType opcode)
    {
        Ensure(1);
        _buffer[_length++] = (byte)opcode;
        return this;
    }

    /// <summary>Appends several opcodes.</summary>
    public ScriptBuilder Ops(params ReadOnlySpan<OpcodeType> opcodes)
    {
        foreach (var opcode in opcodes) Op(opcode);
        return this;
    }

    /// <summary>
    /// Pushes <paramref name="data"/> with the smallest push opcode for its length, as Core's
    /// <c>CScript &lt;&lt; vector</c> does: empty → OP_0, 1–75 bytes → one length byte, then OP_PUSHDATA1/2/4.
    /// A single byte 1–16 or 0x81 is still a data push (see <see cref="PushMinimal"/> for the OP_N form).
    /// </summary>
    public ScriptBuilder Push(ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        if (length < (int)OpcodeType.OP_PUSHDATA1)
        {
            Ensure(1 + length);
            _buffer[_length++] = (byte)length;
        }
        else if (length <= 0xff)
        {
            Ensure(2 + length);
            _buffer[_length++] = (byte)OpcodeType.OP_PUSHDATA1;
            _buffer[_length++] = (byte)length;
        }
        else if (length <= 0xffff)
        {
            Ensure(3 + length);
            _buffer[_length++] = (byte)OpcodeType.OP_PUSHDATA2;
            BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_length), (ushort)length);
            _length += 2;
        }
        else
        {
            Ensure(5 + length);
            _buffer[_length++] = (byte)OpcodeType.OP_PUSHDATA4;
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), (uint)length);
            _length += 4;
        }
        data.CopyTo(_buffer.AsSpan(_length));
        _length += length;
        return this;
    }

    /// <summary>
    /// Pushes <paramref name="data"/> in the one form <see cref="Script.CheckMinimalPush"/> accepts: empty → OP_0,
    /// a single byte 1–16 → OP_1…OP_16, the single byte 0x81 → OP_1NEGATE, otherwise as <see cref="Push(ReadOnlySpan{byte})"/>.
    /// </summary>
    public ScriptBuilder PushMinimal(ReadOnlySpan<byte> data)
    {
        if (data.Length == 1 && data[0] >= 1 && data[0] <= 16) return Op(OpcodeType.OP_1 + (byte)(data[0] - 1));
        if (data.Length == 1 && data[0] == 0x81) return Op(OpcodeType.OP_1NEGATE);
        return Push(data);
    }

    /// <summary>
    /// Pushes a number as Core's <c>CScript &lt;&lt; int64</c> does: -1 → OP_1NEGATE, 0 → OP_0, 1–16 → OP_1…OP_16,
    /// anything else a data push of its minimal script-number encoding (little-endian magnitude, sign in the top bit).
    /// </summary>
    public ScriptBuilder Push(long number)
    {
        if (number == -1) return Op(OpcodeType.OP_1NEGATE);
        if (number == 0) return Op(OpcodeType.OP_0);
        if (number >= 1 && number <= 16) return Op(OpcodeType.OP_1 + (byte)(number - 1));
        Span<byte> encoded = stackalloc byte[9];
        int length = EncodeScriptNumber(number, encoded);
        return Push(encoded[..length]);
    }

    /// <summary>Appends bytes verbatim (no push opcode is added).</summary>
    public ScriptBuilder Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        return this;
    }

    /// <summary>Appends a whole script verbatim.</summary>
    public ScriptBuilder Raw(Script script) => Raw(script.Span);

    /// <summary>A script holding a copy of the bytes built so far.</summary>
    public Script ToScript() => new(_buffer.AsSpan(0, _length).ToArray());

    /// <summary>
    /// Writes the minimal script-number encoding of <paramref name="value"/> (Core's CScriptNum::serialize) into
    /// <paramref name="destination"/> (at least 9 bytes) and returns its length; zero encodes as no bytes.
    /// </summary>
    public static int EncodeScriptNumber(long value, Span<byte> destination)
    {
        if (value == 0) return 0;
        bool negative = value < 0;
        ulong magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        int length = 0;
        while (magnitude != 0)
        {
            destination[length++] = (byte)magnitude;
            magnitude >>= 8;
        }
        if ((destination[length - 1] & 0x80) != 0)
            destination[length++] = negative ? (byte)0x80 : (byte)0;
        else if (negative)
            destination[length - 1] |= 0x80;
        return length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }
}
