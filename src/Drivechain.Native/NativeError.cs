using System.Runtime.InteropServices;

namespace Drivechain.Native;

/// <summary>dc_last_error: the message of the calling thread's last failure, as a UTF-8 C string owned by the library.</summary>
internal static class NativeError
{
    [ThreadStatic] private static IntPtr t_message;

    public static IntPtr Last => t_message;

    public static int Fail(string message)
    {
        Set(message);
        return -1;
    }

    public static IntPtr FailNull(string message)
    {
        Set(message);
        return IntPtr.Zero;
    }

    private static void Set(string message)
    {
        if (t_message != IntPtr.Zero) Marshal.FreeCoTaskMem(t_message);
        t_message = Marshal.StringToCoTaskMemUTF8(message);
    }
}
