using System.Text;
using System.Text.Json;
using Drivechain.Bitcoin.Primitives;
using Drivechain.Consensus;
using Drivechain.Consensus.State;
using Drivechain.Testing;
using Drivechain.Testing.Vectors;

namespace Drivechain.Native.Tests;

/// <summary>libdrivechain through its C ABI: the C example compiled with the system compiler, and the Python binding.</summary>
public sealed class LibDrivechainTests(NativeLibraryFixture native)
    : IClassFixture<NativeLibraryFixture>
{
    private static IEnumerable<string> Vectors => Directory.GetFiles(VectorPaths.Folder("drivechain"), "*.json").Order(StringComparer.Ordinal);

    [Fact]
    public void The_C_example_replays_every_public_vector_with_the_same_verdicts_and_digests_as_the_library()
    {
        var replay = Path.Combine(native.Directory, "replay");
        var (compiled, compilerOutput) = NativeLibraryFixture.Run("cc", native.Directory, "-O2",
            "-I" + Path.Combine(RepositoryRoot.Path, "include"), Path.Combine(RepositoryRoot.Path, "examples", "c", "replay.c"),
            "-L" + native.Directory, "-ldrivechain", "-Wl,-rpath," + native.Directory, "-o", replay);
        compiled.Should().Be(0, compilerOutput);

        foreach (var vector in Vectors)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(vector));
            var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("hex").GetString()!).ToList();
            var hexFile = Path.Combine(native.Directory, Path.GetFileNameWithoutExtension(vector) + ".hex");
            File.WriteAllLines(hexFile, blocks);

            var (exitCode, output) = NativeLibraryFixture.Run(replay, native.Directory,
                json.RootElement.GetProperty("params").GetRawText(), hexFile);

            exitCode.Should().Be(0, output);
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(Expected(blocks), Path.GetFileName(vector));
        }
    }

    [Fact]
    public void The_Python_binding_replays_every_public_vector_and_agrees_with_their_expectations()
    {
        var binding = Path.Combine(RepositoryRoot.Path, "bindings", "python");
        string[] args = [Path.Combine(binding, "replay_vectors.py"), native.LibraryPath, .. Vectors];

        var (exitCode, output) = NativeLibraryFixture.Run("python3", binding, args);

        exitCode.Should().Be(0, output);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be($"{Vectors.Count()} passed, 0 failed");
    }

    [Fact]
    public void Bad_input_through_the_C_ABI_answers_errors_with_messages_and_never_crashes()
    {
        var script = """
            import ctypes, sys
            sys.path.insert(0, sys.argv[2])
            from drivechain import DrivechainError, Library
            lib = Library(sys.argv[1])
            checks = []
            try: lib.validator("nonsense"); checks.append("no error for an unknown network")
            except DrivechainError as e: print("network:", e)
            try: lib.parse_state(b"\x07garbage"); checks.append("no error for garbage state")
            except DrivechainError as e: print("state:", e)
            v = lib.validator("regtest")
            try: v.connect(lib.empty_state(), b"\x01\x02", 1); checks.append("no error for a garbage block")
            except DrivechainError as e: print("block:", e)
            needed = ctypes.c_size_t(0)
            empty = lib.empty_state()
            rc = lib._f.dc_state_serialize(empty._ptr, None, 0, ctypes.byref(needed))
            print("short buffer:", rc, needed.value)
            if rc != -1 or needed.value == 0: checks.append("short buffer not reported")
            print("decode:", lib.decode_message(b"\x51"))
            h = bytes(range(1, 33))
            m8 = lib.decode_message(b"\x6a\x44\x00\xbf\x00\x07" + h + bytes(32))
            print("m8:", m8)
            if m8.get("type") != "M8" or m8.get("slot") != 7 or m8.get("sidechain_block_hash") != h.hex(): checks.append("M8 h* not shown as raw bytes")
            print("version:", lib.version())
            print("FAILED" if checks else "OK", checks)
            """;
        var file = Path.Combine(native.Directory, "bad_input.py");
        File.WriteAllText(file, script);
        var binding = Path.Combine(RepositoryRoot.Path, "bindings", "python");

        var (exitCode, output) = NativeLibraryFixture.Run("python3", binding, file, native.LibraryPath, binding);

        exitCode.Should().Be(0, output);
        output.Should().Contain("network: unknown network 'nonsense'").And.Contain("state: not a drivechain state")
            .And.Contain("block: block does not parse").And.Contain("decode: {'type': 'none', 'name': 'not a drivechain script'}").And.Contain("OK []");
    }

    /// <summary>What the library itself answers for the same blocks, in the C example's format.</summary>
    private static List<string> Expected(List<string> blocks)
    {
        var validator = new DrivechainValidator(DrivechainParams.ForNetwork("regtest"));
        var state = DrivechainState.Empty;
        var lines = new List<string>();
        int height = 0;
        foreach (var hex in blocks)
        {
            switch (validator.Connect(state, Block.Parse(hex), height + 1))
            {
                case ConnectOutcome.Accepted accepted:
                    state = accepted.State;
                    height++;
                    lines.Add("accept " + state.ComputeDigest());
                    break;
                case ConnectOutcome.Rejected rejected:
                    lines.Add("reject " + rejected.Rejection.CodeString);
                    break;
            }
        }
        return lines;
    }
}
