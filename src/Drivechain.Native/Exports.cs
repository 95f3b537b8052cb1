using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Drivechain.Bitcoin.Networks;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Bitcoin.Scripting;
using Drivechain.Consensus;
using Drivechain.Consensus.Messages;
using Drivechain.Consensus.State;
using Drivechain.Consensus.Vectors;

namespace Drivechain.Native;

/// <summary>
/// The C ABI of include/drivechain.h. Every entry point catches everything: no exception crosses the boundary; a failure
/// answers -1 or NULL and leaves its message in dc_last_error. Thread-safe for distinct states (validators are pure).
/// </summary>
public static unsafe class Exports
{
    private static readonly IntPtr Version = Marshal.StringToCoTaskMemUTF8(
        typeof(Exports).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    [UnmanagedCallersOnly(EntryPoint = "dc_version")]
    public static IntPtr DcVersion() => Version;

    [UnmanagedCallersOnly(EntryPoint = "dc_last_error")]
    public static IntPtr DcLastError() => NativeError.Last;

    [UnmanagedCallersOnly(EntryPoint = "dc_validator_create")]
    public static IntPtr DcValidatorCreate(byte* network)
    {
        try
        {
            var name = Marshal.PtrToStringUTF8((IntPtr)network);
            if (!Network.TryFromName(name, out var chain))
                return NativeError.FailNull($"unknown network '{name}' (main, test, testnet4, signet or regtest)");
            return Handles.New(new DrivechainValidator(DrivechainParams.ForNetwork(chain.Name)));
        }
        catch (Exception e)
        {
            return NativeError.FailNull(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_validator_create_json")]
    public static IntPtr DcValidatorCreateJson(byte* json)
    {
        try
        {
            if (json is null) return NativeError.FailNull("invalid params: params must not be NULL");
            var utf8 = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(json);
            if (!VectorReader.TryReadParams(utf8, out var vector, out var error) || !vector.TryCreateParams(out var p, out error))
                return NativeError.FailNull($"invalid params: {error}");
            return Handles.New(new DrivechainValidator(p));
        }
        catch (Exception e)
        {
            return NativeError.FailNull($"invalid params: {e.Message}");
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_validator_destroy")]
    public static void DcValidatorDestroy(IntPtr validator) => Free(validator);

    [UnmanagedCallersOnly(EntryPoint = "dc_state_empty")]
    public static IntPtr DcStateEmpty() => Handles.New(DrivechainState.Empty);

    [UnmanagedCallersOnly(EntryPoint = "dc_state_parse")]
    public static IntPtr DcStateParse(byte* bytes, nuint length)
    {
        try
        {
            if (bytes == null) return NativeError.FailNull("bytes must not be NULL");
            return Handles.New(DrivechainState.Parse(new ReadOnlySpan<byte>(bytes, checked((int)length)).ToArray()));
        }
        catch (Exception e)
        {
            return NativeError.FailNull($"not a drivechain state: {e.Message}");
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_state_serialize")]
    public static int DcStateSerialize(IntPtr state, byte* output, nuint capacity, nuint* length)
    {
        try
        {
            var s = Handles.Get<DrivechainState>(state);
            return s is null ? NativeError.Fail("state must not be NULL") : Handles.CopyOut(s.ToBytes(), output, capacity, length);
        }
        catch (Exception e)
        {
            return NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_state_digest")]
    public static void DcStateDigest(IntPtr state, byte* output)
    {
        try
        {
            if (output == null) return;
            Handles.Get<DrivechainState>(state)?.ComputeDigest().WriteTo(new Span<byte>(output, 32));
        }
        catch (Exception e)
        {
            NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_state_json")]
    public static IntPtr DcStateJson(IntPtr state)
    {
        try
        {
            var s = Handles.Get<DrivechainState>(state);
            return s is null ? NativeError.FailNull("state must not be NULL") : Handles.String(StateJson.Write(s));
        }
        catch (Exception e)
        {
            return NativeError.FailNull(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_state_free")]
    public static void DcStateFree(IntPtr state) => Free(state);

    [UnmanagedCallersOnly(EntryPoint = "dc_connect_block")]
    public static int DcConnectBlock(IntPtr validator, IntPtr state, byte* block, nuint length, int height,
        IntPtr* next, IntPtr* undo, byte* reject, nuint rejectCapacity)
    {
        try
        {
            var v = Handles.Get<DrivechainValidator>(validator);
            var s = Handles.Get<DrivechainState>(state);
            if (v is null || s is null || block == null || next == null || undo == null)
                return NativeError.Fail("validator, state, block, next and undo must not be NULL");
            if (!Block.TryParse(new ReadOnlySpan<byte>(block, checked((int)length)).ToArray(), out var parsed, out var error))
                return NativeError.Fail($"block does not parse: {error.Kind} at byte {error.Position}");
            switch (v.Connect(s, parsed, height))
            {
                case ConnectOutcome.Accepted accepted:
                    *next = Handles.New(accepted.State);
                    *undo = Handles.New(accepted.Undo);
                    return 0;
                case ConnectOutcome.Rejected rejected:
                    Handles.CopyCode(rejected.Rejection.CodeString, reject, rejectCapacity);
                    return 1;
                default:
                    return NativeError.Fail("unexpected outcome");
            }
        }
        catch (Exception e)
        {
            return NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_disconnect_block")]
    public static IntPtr DcDisconnectBlock(IntPtr validator, IntPtr state, IntPtr undo)
    {
        try
        {
            var v = Handles.Get<DrivechainValidator>(validator);
            var s = Handles.Get<DrivechainState>(state);
            var u = Handles.Get<BlockUndo>(undo);
            if (v is null || s is null || u is null) return NativeError.FailNull("validator, state and undo must not be NULL");
            return Handles.New(v.Disconnect(s, u));
        }
        catch (Exception e)
        {
            return NativeError.FailNull(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_undo_serialize")]
    public static int DcUndoSerialize(IntPtr undo, byte* output, nuint capacity, nuint* length)
    {
        try
        {
            var u = Handles.Get<BlockUndo>(undo);
            return u is null ? NativeError.Fail("undo must not be NULL") : Handles.CopyOut(u.ToBytes(), output, capacity, length);
        }
        catch (Exception e)
        {
            return NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_undo_parse")]
    public static IntPtr DcUndoParse(byte* bytes, nuint length)
    {
        try
        {
            if (bytes == null) return NativeError.FailNull("bytes must not be NULL");
            return Handles.New(BlockUndo.Parse(new ReadOnlySpan<byte>(bytes, checked((int)length)).ToArray()));
        }
        catch (Exception e)
        {
            return NativeError.FailNull($"not an undo record: {e.Message}");
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_undo_free")]
    public static void DcUndoFree(IntPtr undo) => Free(undo);

    [UnmanagedCallersOnly(EntryPoint = "dc_check_transaction")]
    public static int DcCheckTransaction(IntPtr validator, IntPtr state, byte* tipHash, byte* tx, nuint length, byte* reject, nuint rejectCapacity)
    {
        try
        {
            var v = Handles.Get<DrivechainValidator>(validator);
            var s = Handles.Get<DrivechainState>(state);
            if (v is null || s is null || tipHash == null || tx == null) return NativeError.Fail("validator, state, tip_hash and tx must not be NULL");
            if (!Transaction.TryParse(new ReadOnlySpan<byte>(tx, checked((int)length)).ToArray(), out var parsed, out var error))
                return NativeError.Fail($"transaction does not parse: {error.Kind} at byte {error.Position}");
            var rejection = v.CheckTransaction(s, new UInt256(new ReadOnlySpan<byte>(tipHash, 32)), parsed);
            if (rejection is null) return 0;
            Handles.CopyCode(rejection.CodeString, reject, rejectCapacity);
            return 1;
        }
        catch (Exception e)
        {
            return NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_compute_m6id")]
    public static int DcComputeM6Id(byte* tx, nuint length, long ctipValue, byte* output)
    {
        try
        {
            if (tx == null || output == null) return NativeError.Fail("tx and out must not be NULL");
            if (!Transaction.TryParse(new ReadOnlySpan<byte>(tx, checked((int)length)).ToArray(), out var parsed, out var error))
                return NativeError.Fail($"transaction does not parse: {error.Kind} at byte {error.Position}");
            if (!M6Id.TryCompute(parsed, new Money(ctipValue), out var id, out _))
                return NativeError.Fail("not an M6: no treasury output at index 0, or outputs above the CTIP value");
            id.Hash.WriteTo(new Span<byte>(output, 32));
            return 0;
        }
        catch (Exception e)
        {
            return NativeError.Fail(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_decode_message")]
    public static IntPtr DcDecodeMessage(byte* script, nuint length)
    {
        try
        {
            if (script == null) return NativeError.FailNull("script must not be NULL");
            var bytes = new ReadOnlySpan<byte>(script, checked((int)length)).ToArray();
            return Handles.String(MessageJson.Write(bytes));
        }
        catch (Exception e)
        {
            return NativeError.FailNull(e.Message);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "dc_string_free")]
    public static void DcStringFree(IntPtr text)
    {
        if (text != IntPtr.Zero) Marshal.FreeCoTaskMem(text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Free(IntPtr handle)
    {
        try
        {
            Handles.Free(handle);
        }
        catch (InvalidOperationException e)
        {
            NativeError.Fail(e.Message);
        }
    }
}
