using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using ScalingLaws.Cli.Infrastructure;

namespace ScalingLaws.Cli.Sweep;

/// <summary>
/// The I-th of N disjoint slices of a sweep (<c>--shard I/N</c>, 1 ≤ I ≤ N). A job belongs to the slice
/// 1 + (first 8 bytes of SHA-256 of its group's id) mod N, where its group is the job itself or, for a job
/// that reads an earlier job's output, that job's group: a chain fit → report stays in one slice.
/// </summary>
/// <param name="Index">I, from 1.</param>
/// <param name="Count">N.</param>
internal sealed record SweepShard(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c>.</summary>
    /// <exception cref="CliException">Not two integers with 1 ≤ I ≤ N.</exception>
    public static SweepShard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 1 && i <= n)
            return new SweepShard(i, n);
        throw new CliException($"Option '--shard': '{text}' is not I/N with 1 ≤ I ≤ N, e.g. 2/8.");
    }

    /// <summary>Whether the job whose group id is <paramref name="groupId"/> is in this slice.</summary>
    public bool Contains(string groupId) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(groupId))) % (ulong)Count == (ulong)(Index - 1);
}
