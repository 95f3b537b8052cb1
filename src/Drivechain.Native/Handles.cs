using System.Runtime.InteropServices;

namespace Drivechain.Native;

/// <summary>Opaque C handles (dc_validator*, dc_state*, dc_undo*) for managed objects, kept alive until freed.</summary>
internal static class Handles
{
    public static IntPtr New(object value) => GCHandle.ToIntPtr(GCHandle.Alloc(value));

    public static T? Get<T>(IntPtr handle) where T : class =>
        handle == IntPtr.Zero ? null : GCHandle.FromIntPtr(handle).Target as T;

    public static void Free(IntPtr handle)
    {
        if (handle != IntPtr.Zero) GCHandle.FromIntPtr(handle).Free();
    }

    /// <summary>Copies bytes into a caller buffer: 0, or -1 with *len = needed when the buffer is missing or short.</summary>
    public static unsafe int CopyOut(byte[] bytes, byte* output, nuint capacity, nuint* length)
    {
        if (length == null) return NativeError.Fail("len must not be NULL");
        *length = (nuint)bytes.Length;
        if (output == null || capacity < (nuint)bytes.Length) return NativeError.Fail($"buffer too small: {bytes.Length} bytes needed");
        bytes.CopyTo(new Span<byte>(output, bytes.Length));
        return 0;
    }

    /// <summary>A C string the caller frees with dc_string_free.</summary>
    public static IntPtr String(string value) => Marshal.StringToCoTaskMemUTF8(value);

    /// <summary>Writes a NUL-terminated code into a caller buffer (truncated to fit).</summary>
    public static unsafe void CopyCode(string code, byte* output, nuint capacity)
    {
        if (output == null || capacity == 0) return;
        var bytes = System.Text.Encoding.UTF8.GetBytes(code);
        int n = (int)Math.Min((nuint)bytes.Length, capacity - 1);
        bytes.AsSpan(0, n).CopyTo(new Span<byte>(output, n));
        output[n] = 0;
    }
}
