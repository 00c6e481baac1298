using System.Runtime.InteropServices;

namespace ScalingLaws.Plotting;

/// <summary>Reads the type of a path with <c>stat(2)</c> (following symbolic links).</summary>
internal static class FileKinds
{
    // The runtime's own POSIX layer (libSystem.Native, part of every .NET install on Unix). Its FileStatus
    // struct starts with two 32-bit fields, Flags and Mode; Mode carries the S_IFMT type bits.
    private const int TypeMask = 0xF000, RegularType = 0x8000, FolderType = 0x4000;

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] status);

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (Directory.Exists(path)) return FileKind.Folder;
        if (!File.Exists(path)) return FileKind.Missing;
        if (OperatingSystem.IsWindows()) return FileKind.Regular;
        var status = new byte[512];
        try
        {
            if (Stat(path, status) != 0) return FileKind.Regular;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Regular;
        }
        int mode = BitConverter.ToInt32(status, 4) & TypeMask;
        return mode switch
        {
            RegularType => FileKind.Regular,
            FolderType => FileKind.Folder,
            _ => FileKind.Special,
        };
    }
}
