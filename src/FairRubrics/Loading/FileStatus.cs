using System.Runtime.InteropServices;
using System.Text;

namespace FairRubrics.Loading;

/// <summary>What kind of file system entry a path names.</summary>
internal enum FileKind
{
    /// <summary>The type could not be found (no stat on this platform).</summary>
    Unknown,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link (only seen when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe: opening it for reading blocks until a writer comes.</summary>
    Fifo,

    /// <summary>A character device.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,
}

/// <summary>The type and identity (device and inode) of a file system entry.</summary>
/// <param name="Kind">The kind of entry.</param>
/// <param name="Device">The device the entry is on (0 where unknown).</param>
/// <param name="Inode">The entry's inode on that device (0 where unknown).</param>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    /// <summary>Gets a value indicating whether <see cref="Device"/> and <see cref="Inode"/> identify the entry.</summary>
    public bool HasIdentity => Device != 0 || Inode != 0;

    /// <summary>Gets a word for the kind, for messages: "a FIFO (named pipe)", "a character device", ….</summary>
    public string Describe() => Kind switch
    {
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        _ => "not a regular file",
    };
}

/// <summary>
/// <c>stat(2)</c> and <c>lstat(2)</c> without opening the file (opening a FIFO blocks). The BCL does not expose a
/// file's type (FIFO, device) or its device and inode, so they are read from the C library's <c>struct stat</c>,
/// whose layout is known for Linux on x64 and on 64-bit generic architectures (arm64, RISC-V, LoongArch) and for
/// macOS. Elsewhere (Windows, which has no FIFOs in the file system) <see cref="TryGet"/> returns false and callers
/// fall back to the BCL.
/// </summary>
internal static unsafe class FileStatusReader
{
    private const int BufferSize = 512;
    private const uint TypeMask = 0xF000;

    private static readonly Api? Native = Api.Load();

    /// <summary>Gets a value indicating whether this platform's stat can be used.</summary>
    public static bool IsSupported => Native is not null;

    /// <summary>Reads the status of a path.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">Whether a symbolic link is followed to its target (<c>stat</c>) or described itself (<c>lstat</c>).</param>
    /// <param name="status">The status.</param>
    /// <param name="errno">The C library's error number when the call failed (e.g. 2 for a missing target, 13 for permission denied).</param>
    /// <returns>Whether the status was read.</returns>
    public static bool TryGet(string path, bool followLinks, out FileStatus status, out int errno)
    {
        status = default;
        errno = 0;
        if (Native is not { } api)
        {
            return false;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        var length = Encoding.UTF8.GetBytes(path, bytes);
        bytes[length] = 0;
        var buffer = stackalloc byte[BufferSize];
        new Span<byte>(buffer, BufferSize).Clear();
        int result;
        fixed (byte* p = bytes)
        {
            result = api.Call(followLinks, p, buffer);
        }

        if (result != 0)
        {
            errno = Marshal.GetLastSystemError();
            return false;
        }

        var mode = api.Layout.ReadMode(buffer);
        var kind = (mode & TypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        status = new FileStatus(kind, api.Layout.ReadDevice(buffer), api.Layout.ReadInode(buffer));
        return true;
    }

    /// <summary>Where <c>st_dev</c>, <c>st_ino</c> and <c>st_mode</c> are in this platform's <c>struct stat</c>.</summary>
    private sealed record Layout(int DeviceOffset, bool Device32, int InodeOffset, int ModeOffset, bool Mode16)
    {
        // Linux x86_64: st_dev u64 @0, st_ino u64 @8, st_nlink u64 @16, st_mode u32 @24.
        public static readonly Layout LinuxX64 = new(0, false, 8, 24, false);

        // Linux asm-generic (arm64, riscv64, loongarch64): st_dev u64 @0, st_ino u64 @8, st_mode u32 @16.
        public static readonly Layout LinuxGeneric64 = new(0, false, 8, 16, false);

        // macOS (64-bit inodes): st_dev i32 @0, st_mode u16 @4, st_nlink u16 @6, st_ino u64 @8.
        public static readonly Layout MacOS = new(0, true, 8, 4, true);

        public ulong ReadDevice(byte* buffer) => Device32 ? *(uint*)(buffer + DeviceOffset) : *(ulong*)(buffer + DeviceOffset);

        public ulong ReadInode(byte* buffer) => *(ulong*)(buffer + InodeOffset);

        public uint ReadMode(byte* buffer) => Mode16 ? *(ushort*)(buffer + ModeOffset) : *(uint*)(buffer + ModeOffset);
    }

    /// <summary>The C library's stat and lstat (or glibc's older <c>__xstat</c> and <c>__lxstat</c>).</summary>
    private sealed class Api
    {
        private readonly delegate* unmanaged<byte*, byte*, int> _stat;
        private readonly delegate* unmanaged<byte*, byte*, int> _lstat;
        private readonly delegate* unmanaged<int, byte*, byte*, int> _xstat;
        private readonly delegate* unmanaged<int, byte*, byte*, int> _lxstat;
        private readonly int _version;

        private Api(Layout layout, nint stat, nint lstat, nint xstat, nint lxstat, int version)
        {
            Layout = layout;
            _stat = (delegate* unmanaged<byte*, byte*, int>)stat;
            _lstat = (delegate* unmanaged<byte*, byte*, int>)lstat;
            _xstat = (delegate* unmanaged<int, byte*, byte*, int>)xstat;
            _lxstat = (delegate* unmanaged<int, byte*, byte*, int>)lxstat;
            _version = version;
        }

        public Layout Layout { get; }

        public int Call(bool followLinks, byte* path, byte* buffer)
        {
            if (followLinks)
            {
                return _stat != null ? _stat(path, buffer) : _xstat(_version, path, buffer);
            }

            return _lstat != null ? _lstat(path, buffer) : _lxstat(_version, path, buffer);
        }

        public static Api? Load()
        {
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    var (layout, version) = RuntimeInformation.ProcessArchitecture switch
                    {
                        Architecture.X64 => (Layout.LinuxX64, 1),
                        Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => (Layout.LinuxGeneric64, 0),
                        _ => (null, 0),
                    };
                    if (layout is null || !TryLoad(["libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1", "libc"], out var libc))
                    {
                        return null;
                    }

                    // glibc 2.33 and later, and musl, export stat and lstat; older glibc only __xstat and __lxstat.
                    var stat = Export(libc, "stat");
                    var lstat = Export(libc, "lstat");
                    var xstat = Export(libc, "__xstat");
                    var lxstat = Export(libc, "__lxstat");
                    return (stat != 0 && lstat != 0) ? new Api(layout, stat, lstat, 0, 0, 0)
                        : (xstat != 0 && lxstat != 0) ? new Api(layout, 0, 0, xstat, lxstat, version)
                        : null;
                }

                if (OperatingSystem.IsMacOS())
                {
                    if (!TryLoad(["/usr/lib/libSystem.dylib", "libSystem.dylib"], out var libSystem))
                    {
                        return null;
                    }

                    var suffix = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? "$INODE64" : string.Empty;
                    var stat = Export(libSystem, "stat" + suffix);
                    var lstat = Export(libSystem, "lstat" + suffix);
                    return stat != 0 && lstat != 0 ? new Api(Layout.MacOS, stat, lstat, 0, 0, 0) : null;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                return null;
            }

            return null;
        }

        private static bool TryLoad(string[] names, out nint handle)
        {
            foreach (var name in names)
            {
                if (NativeLibrary.TryLoad(name, out handle))
                {
                    return true;
                }
            }

            handle = 0;
            return false;
        }

        private static nint Export(nint library, string name) => NativeLibrary.TryGetExport(library, name, out var address) ? address : 0;
    }
}
