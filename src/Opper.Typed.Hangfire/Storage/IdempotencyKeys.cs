using System.Security.Cryptography;
using System.Text;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Storage;

/// <summary>
/// Which job each idempotency key was given to, as one storage hash per key (<c>job</c>, <c>request</c> digest), read and
/// written under a distributed lock on that key, so the check and the creation are one step for every process on the
/// storage. The names carry a digest of the key, not the key: any text fits any storage's key column.
/// </summary>
internal sealed class IdempotencyKeys(IStorageConnection connection)
{
    private const string Prefix = "opper-video-idempotency:";
    private const string JobField = "job";
    private const string RequestField = "request";

    /// <summary>Two enqueues of one key wait for each other only for the milliseconds of a check and a creation.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public static string EntryOf(string idempotencyKey) => Prefix + Digest(idempotencyKey);

    /// <summary>The digest that tells a repeat of the same request from a different one under the same key.</summary>
    public static string RequestDigest(string requestJson, string destination) => Digest(requestJson + "\n" + destination);

    public IDisposable Lock(string entry) => connection.AcquireDistributedLock(entry, LockTimeout);

    /// <returns>The job and request digest stored under <paramref name="entry"/>; null when the key is unused.</returns>
    public (string Job, string Request)? Find(string entry)
    {
        var fields = connection.GetAllEntriesFromHash(entry);
        return fields is not null && fields.TryGetValue(JobField, out var job) && fields.TryGetValue(RequestField, out var request) ? (job, request) : null;
    }

    public void Remember(string entry, string job, string request)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(entry, [new(JobField, job), new(RequestField, request)]);
        transaction.Commit();
    }

    private static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant();
}
