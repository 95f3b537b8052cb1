using System.Buffers.Binary;
using Drivechain.Bitcoin.Primitives;
using Microsoft.Win32.SafeHandles;

namespace Drivechain.Node.Storage;

/// <summary>
/// Append-only block files <c>blk00000.dat</c>, <c>blk00001.dat</c>, …: each record is the network
/// magic (4 bytes), the block length (4 bytes, little-endian) and the serialized block. A new file is
/// started when one would pass the maximum file size (128 MiB). Bytes written after the last flush of the
/// index may be orphaned by a crash; they are never referenced and do no harm.
/// </summary>
internal sealed class BlockFileStore : IDisposable
{
    public const long DefaultMaxFileSize = 128L * 1024 * 1024;
    private readonly string _directory;
    private readonly long _maxFileSize;
    private readonly uint _magic;
    private readonly Dictionary<int, SafeFileHandle> _readers = [];
    private SafeFileHandle? _writer;
    private int _currentFile;
    private long _currentLength;
    private bool _dirty;

    /// <summary>Core refuses to write below this much free disk space (50 MiB).</summary>
    public const long MinFreeBytes = 50L * 1024 * 1024;

    private readonly Func<string, long> _freeSpace;

    /// <param name="directory">Where the blk files are.</param>
    /// <param name="magic">The network magic that starts every record.</param>
    /// <param name="maxFileSize">When to start a new file.</param>
    /// <param name="freeSpace">Free bytes on the disk of a directory (tests inject a full disk); default: the file system's.</param>
    public BlockFileStore(string directory, uint magic, long maxFileSize = DefaultMaxFileSize, Func<string, long>? freeSpace = null)
    {
        _freeSpace = freeSpace ?? (path => new DriveInfo(path).AvailableFreeSpace);
        _directory = directory;
        _maxFileSize = maxFileSize;
        _magic = magic;
        Directory.CreateDirectory(directory);
        _currentFile = 0;
        while (File.Exists(PathOf(_currentFile + 1))) _currentFile++;
        OpenWriter();
    }

    private string PathOf(int file) => Path.Combine(_directory, $"blk{file:D5}.dat");

    private void OpenWriter()
    {
        _writer?.Dispose();
        _writer = File.OpenHandle(PathOf(_currentFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        _currentLength = RandomAccess.GetLength(_writer);
    }

    /// <summary>Appends a block and returns where its bytes are.</summary>
    public BlockFilePosition Append(ReadOnlySpan<byte> block)
    {
        // As Core's CheckDiskSpace: refuse before writing rather than fail half-way through a record.
        long free = _freeSpace(_directory);
        if (free < MinFreeBytes + block.Length)
            throw new StorageFailureException(
                $"Disk space is too low: {free / (1024 * 1024)} MiB free in {_directory}, at least {MinFreeBytes / (1024 * 1024)} MiB needed (disk full)");
        try
        {
            return AppendCore(block);
        }
        catch (IOException e) when (e is not StorageFailureException)
        {
            throw new StorageFailureException($"Writing block file {PathOf(_currentFile)} failed: {e.Message}", e);
        }
    }

    private BlockFilePosition AppendCore(ReadOnlySpan<byte> block)
    {
        if (_currentLength > 0 && _currentLength + 8 + block.Length > _maxFileSize)
        {
            Flush();
            _currentFile++;
            OpenWriter();
        }
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, _magic);
        BinaryPrimitives.WriteInt32LittleEndian(prefix[4..], block.Length);
        RandomAccess.Write(_writer!, prefix, _currentLength);
        RandomAccess.Write(_writer!, block, _currentLength + 8);
        var position = new BlockFilePosition(_currentFile, _currentLength + 8, block.Length);
        _currentLength += 8 + block.Length;
        _dirty = true;
        return position;
    }

    /// <summary>Reads the bytes at a position; the record's magic and length are checked.</summary>
    public byte[] Read(BlockFilePosition position)
    {
        var handle = position.File == _currentFile ? _writer! : Reader(position.File);
        Span<byte> prefix = stackalloc byte[8];
        if (RandomAccess.Read(handle, prefix, position.Offset - 8) != 8
            || BinaryPrimitives.ReadUInt32LittleEndian(prefix) != _magic
            || BinaryPrimitives.ReadInt32LittleEndian(prefix[4..]) != position.Size)
            throw new IOException($"block file {PathOf(position.File)}: no block record at offset {position.Offset - 8}");
        var bytes = new byte[position.Size];
        int read = 0;
        while (read < bytes.Length)
        {
            int n = RandomAccess.Read(handle, bytes.AsSpan(read), position.Offset + read);
            if (n == 0) throw new IOException($"block file {PathOf(position.File)}: truncated block at offset {position.Offset}");
            read += n;
        }
        return bytes;
    }

    /// <summary>The length in bytes of block file <paramref name="file"/> (0 when it does not exist).</summary>
    public long Length(int file)
    {
        if (file == _currentFile) return _currentLength;
        var path = PathOf(file);
        return File.Exists(path) ? new FileInfo(path).Length : 0;
    }

    /// <summary>The path of block file <paramref name="file"/>.</summary>
    public string FileName(int file) => PathOf(file);

    /// <summary>Number of block files (blk00000.dat … the one being appended to).</summary>
    public int FileCount => _currentFile + 1;

    /// <summary>
    /// Every block record in file order (for reindexing), with the file it came from. A record whose magic, length or
    /// bytes are wrong (a write cut short by a crash) is skipped by searching for the next magic.
    /// </summary>
    public IEnumerable<(BlockFilePosition Position, Block Block)> ReadAll()
    {
        for (int file = 0; file <= _currentFile; file++)
        {
            var handle = file == _currentFile ? _writer! : Reader(file);
            foreach (var (offset, size, block) in BlockRecordScanner.Scan(handle, _magic))
                yield return (new BlockFilePosition(file, offset, size), block);
        }
    }

    private SafeFileHandle Reader(int file)
    {
        if (!_readers.TryGetValue(file, out var handle))
        {
            handle = File.OpenHandle(PathOf(file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            _readers.Add(file, handle);
        }
        return handle;
    }

    /// <summary>Forces written blocks to disk (before the index that references them is committed).</summary>
    public void Flush()
    {
        if (!_dirty) return;
        RandomAccess.FlushToDisk(_writer!);
        _dirty = false;
    }

    public void Dispose()
    {
        Flush();
        _writer?.Dispose();
        foreach (var reader in _readers.Values) reader.Dispose();
        _readers.Clear();
    }
}
