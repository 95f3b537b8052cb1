using System.Runtime.InteropServices;

namespace Drivechain.Node.Hosting;

/// <summary>
/// Core's default file mode: everything the node creates is readable by its owner only (files 0600, directories
/// 0700), by setting the process umask to 077 before any file is created.
/// </summary>
public static partial class FilePermissions
{
    /// <summary>Sets the umask to 077 (Unix only; a no-op elsewhere).</summary>
    public static void RestrictToOwner()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) _ = Umask(0b000_111_111);
    }

    [LibraryImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial uint Umask(uint mask);
}
