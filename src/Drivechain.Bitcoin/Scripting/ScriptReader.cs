using System.Buffers.Binary;

namespace Drivechain.Bitcoin.Scripting;

/// <summary>
/// Walks a script operation by operation as Core's GetScriptOp does. A push whose declared length runs
/// past the end of the script stops the walk with <see cref="IsMalformed"/> set. Never throws, never allocates.
/// </summary>
public ref struct ScriptReader
{
    private readonly ReadOnlySpan<byte> _script;
    private int _position;

    /// <summary>Creates a reader at the start of <paramref name="script"/>.</summary>
    public ScriptReader(ReadOnlySpan<byte> script)
    {
        _script = script;
        _position = 0;
        IsMalformed = false;
    }

    /// <summary>Offset of the next operation.</summary>
    public readonly int Position => _position;

    /// <summary>True once a truncated push was met.</summary>
    public bool IsMalformed { get; private set; }

    /// <summary>True when every byte has been read (or the script is malformed).</summary>
    public readonly bool AtEnd => _position >= _script.Length || IsMalformed;

    /// <summary>
    /// Reads the next operation. Returns false at the end of the script, and also on a truncated push
    /// (then <see cref="IsMalformed"/> is true).
    /// </summary>
    public bool TryRead(out ScriptOp op)
    {
        op = default;
        if (IsMalformed || _position >= _script.Length) return false;
        int start = _position;
        byte opcode = _script[_position++];
        if (opcode > (byte)OpcodeType.OP_PUSHDATA4)
        {
            op = new ScriptOp((OpcodeType)opcode, default, start);
            return true;
        }
        uint length;
        int remaining = _script.Length - _position;
        if (opcode < (byte)OpcodeType.OP_PUSHDATA1)
        {
            length = opcode;
        }
        else if (opcode == (byte)OpcodeType.OP_PUSHDATA1)
        {
            if (remaining < 1) return Malformed();
            length = _script[_position];
            _position += 1;
        }
        else if (opcode == (byte)OpcodeType.OP_PUSHDATA2)
        {
            if (remaining < 2) return Malformed();
            length = BinaryPrimitives.ReadUInt16LittleEndian(_script[_position..]);
            _position += 2;
        }
        else
        {
            if (remaining < 4) return Malformed();
            length = BinaryPrimitives.ReadUInt32LittleEndian(_script[_position..]);
            _position += 4;
        }
        if (length > (uint)(_script.Length - _position)) return Malformed();
        op = new ScriptOp((OpcodeType)opcode, _script.Slice(_position, (int)length), start);
        _position += (int)length;
        return true;
    }

    private bool Malformed()
    {
        IsMalformed = true;
        _position = _script.Length;
        return false;
    }
}
