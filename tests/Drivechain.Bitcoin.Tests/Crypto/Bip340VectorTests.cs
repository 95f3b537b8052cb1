using Drivechain.Testing.Vectors;

namespace Drivechain.Bitcoin.Tests.Crypto;

/// <summary>BIP340's test-vectors.csv against every backend.</summary>
public class Bip340VectorTests
{
    public sealed record Row(int Index, byte[]? SecretKey, byte[] PublicKey, byte[]? AuxRand, byte[] Message, byte[] Signature, bool Valid, string Comment);

    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(Load);

    private static List<Row> Load()
    {
        var lines = File.ReadAllText(VectorPaths.File("bitcoin-core", "bip340_test_vectors.csv"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("index,secret key,public key,aux_rand,message,signature,verification result");
        return lines.Skip(1).Select(line =>
        {
            var f = line.Split(',', 8);
            static byte[]? Optional(string hex) => hex.Length == 0 ? null : Convert.FromHexString(hex);
            return new Row(int.Parse(f[0]), Optional(f[1]), Convert.FromHexString(f[2]), Optional(f[3]),
                Convert.FromHexString(f[4]), Convert.FromHexString(f[5]), f[6] == "TRUE", f[7]);
        }).ToList();
    }

    public static TheoryData<string, int, string> AllRows()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var backend in Secp256k1Backends.Names)
            foreach (var row in Rows.Value)
                data.Add(backend, row.Index, row.Comment);
        return data;
    }

    public static TheoryData<string, int, string> SigningRows()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var backend in Secp256k1Backends.Names)
            foreach (var row in Rows.Value.Where(r => r.SecretKey is not null))
                data.Add(backend, row.Index, row.Comment);
        return data;
    }

    [Fact]
    public void Vector_file_has_the_documented_nineteen_rows_with_eight_signing_rows()
    {
        Rows.Value.Should().HaveCount(19);
        Rows.Value.Count(r => r.SecretKey is not null).Should().Be(8);
        Rows.Value.Count(r => r.Valid).Should().Be(9);
    }

    [Theory]
    [MemberData(nameof(SigningRows))]
    public void Signing_derives_the_public_key_and_reproduces_the_signature(string backend, int index, string comment)
    {
        var secp = Secp256k1Backends.Get(backend);
        var row = Rows.Value[index];
        _ = comment;

        secp.GetXOnlyPublicKey(row.SecretKey!).Should().Equal(row.PublicKey);
        secp.SignSchnorr(row.Message, row.SecretKey!, row.AuxRand!).Should().Equal(row.Signature);
    }

    [Theory]
    [MemberData(nameof(AllRows))]
    public void Verification_gives_the_expected_result(string backend, int index, string comment)
    {
        var secp = Secp256k1Backends.Get(backend);
        var row = Rows.Value[index];

        secp.VerifySchnorr(row.Message, row.Signature, row.PublicKey).Should().Be(row.Valid, comment);
    }
}
