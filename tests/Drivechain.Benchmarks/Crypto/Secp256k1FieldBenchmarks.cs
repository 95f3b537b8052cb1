using BenchmarkDotNet.Attributes;
using Drivechain.Bitcoin.Crypto.Secp256k1;

namespace Drivechain.Benchmarks.Crypto;

/// <summary>The managed backend's building blocks (field multiply/square/invert, point double/add), to guide tuning.</summary>
[ShortRunJob]
public class Secp256k1FieldBenchmarks
{
    private FieldElement _a, _b;
    private JacobianPoint _p;
    private AffinePoint _q;
    private Scalar _s;

    [GlobalSetup]
    public void Setup()
    {
        _a = AffinePoint.G.X;
        _b = AffinePoint.G.Y;
        _q = AffinePoint.G;
        _p = AffinePoint.G.ToJacobian().Double().Double();
        _s = Scalar.Read(Convert.FromHexString("7e2d58d8b3bcdf1abadec7829054f90dda9805aab56c77333024b9d0a508b75c"));
    }

    [Benchmark]
    public ulong Multiply() => (_a * _b).N0;

    [Benchmark]
    public ulong Square() => _a.Square().N0;

    [Benchmark]
    public ulong Invert() => _a.Invert().N0;

    [Benchmark]
    public ulong InvertByExponent() => _a.InvertByExponent().N0;

    [Benchmark]
    public ulong ScalarInvert() => _s.Invert().N0;

    [Benchmark]
    public ulong Double() => _p.Double().X.N0;

    [Benchmark]
    public ulong AddAffine() => _p.Add(_q).X.N0;

    [Benchmark]
    public ulong MultiplyG() => EcMult.MultiplyG(_s).X.N0;
}
