using Drivechain.Node.Storage;

namespace Drivechain.Node.Tests.Storage;

public sealed class BlockFileStoreTests
{
    private const uint Magic = 0xdab5bffa;

    [Fact]
    public void Appended_blocks_read_back_byte_for_byte()
    {
        using var dir = new TempDirectory();
        using var store = new BlockFileStore(dir.Path, Magic);
        var first = store.Append([1, 2, 3]);
        var second = store.Append([4, 5, 6, 7]);

        store.Read(first).Should().Equal(1, 2, 3);
        store.Read(second).Should().Equal(4, 5, 6, 7);
        second.Offset.Should().Be(first.Offset + 3 + 8);
    }

    [Fact]
    public void A_full_file_rolls_over_to_the_next_number()
    {
        using var dir = new TempDirectory();
        using var store = new BlockFileStore(dir.Path, Magic, maxFileSize: 100);
        var positions = Enumerable.Range(0, 5).Select(i => store.Append(new byte[40])).ToList();

        positions.Select(p => p.File).Should().Equal(0, 0, 1, 1, 2);
        File.Exists(Path.Combine(dir.Path, "blk00002.dat")).Should().BeTrue();
        store.Read(positions[3]).Should().HaveCount(40);
    }

    [Fact]
    public void A_reopened_store_appends_after_the_existing_records()
    {
        using var dir = new TempDirectory();
        BlockFilePosition first;
        using (var store = new BlockFileStore(dir.Path, Magic)) first = store.Append([9, 9]);
        using var reopened = new BlockFileStore(dir.Path, Magic);

        var second = reopened.Append([8]);

        second.Offset.Should().Be(first.Offset + 2 + 8);
        reopened.Read(first).Should().Equal(9, 9);
    }

    [Fact]
    public void Reading_a_position_without_a_record_is_an_io_error()
    {
        using var dir = new TempDirectory();
        using var store = new BlockFileStore(dir.Path, Magic);
        var position = store.Append([1, 2, 3, 4]);

        var act = () => store.Read(position with { Offset = position.Offset + 1 });

        act.Should().Throw<IOException>();
    }
}
