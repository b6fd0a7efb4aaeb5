using System.Collections.Concurrent;
using System.Reflection;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;

namespace Opper.Typed.Hangfire.Tests.Support;

/// <summary>
/// A storage that counts every read and write it is asked for (each connection call, each monitoring call, each
/// transaction committed), passing all of them to the storage it wraps: what a page costs, whatever the storage.
/// </summary>
internal sealed class CountingStorage(JobStorage inner) : JobStorage
{
    private int _queries;

    /// <summary>Calls made so far.</summary>
    public int Queries => Volatile.Read(ref _queries);

    /// <summary>The resource of each distributed lock taken through a connection, in order.</summary>
    public ConcurrentQueue<string> Locks { get; } = new();

    /// <summary>Each job parameter written, as <c>{job}:{name}</c>, in order.</summary>
    public ConcurrentQueue<string> ParameterWrites { get; } = new();

    internal void Count() => Interlocked.Increment(ref _queries);

    public override IStorageConnection GetConnection() => new CountingConnection((JobStorageConnection)inner.GetConnection(), this);

    public override IMonitoringApi GetMonitoringApi() => CountingMonitoring.Wrap(inner.GetMonitoringApi(), this);

    public override bool LinearizableReads => inner.LinearizableReads;

    public override bool HasFeature(string featureId) => inner.HasFeature(featureId);

    /// <summary>The monitoring API counted per call: an interface, so one proxy covers every method.</summary>
#pragma warning disable CA1852 // DispatchProxy derives from it at run time: it cannot be sealed.
    public class CountingMonitoring : DispatchProxy
    {
        private IMonitoringApi? _inner;
        private CountingStorage? _counter;

        public static IMonitoringApi Wrap(IMonitoringApi inner, CountingStorage counter)
        {
            var proxy = Create<IMonitoringApi, CountingMonitoring>();
            ((CountingMonitoring)(object)proxy)._inner = inner;
            ((CountingMonitoring)(object)proxy)._counter = counter;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _counter!.Count();
            try
            {
                return targetMethod!.Invoke(_inner, args);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                throw exception.InnerException;
            }
        }
    }
#pragma warning restore CA1852
}

/// <summary>A connection that counts each call and passes it on (a JobStorageConnection, so ranged reads stay ranged).</summary>
internal sealed class CountingConnection(JobStorageConnection inner, CountingStorage counter) : JobStorageConnection
{
    private T Counted<T>(Func<T> call)
    {
        counter.Count();
        return call();
    }

    public override IWriteOnlyTransaction CreateWriteTransaction() => Counted(inner.CreateWriteTransaction);

    public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout)
    {
        counter.Locks.Enqueue(resource);
        return Counted(() => inner.AcquireDistributedLock(resource, timeout));
    }

    public override string CreateExpiredJob(Job job, IDictionary<string, string> parameters, DateTime createdAt, TimeSpan expireIn) =>
        Counted(() => inner.CreateExpiredJob(job, parameters, createdAt, expireIn));

    public override IFetchedJob FetchNextJob(string[] queues, CancellationToken cancellationToken) => Counted(() => inner.FetchNextJob(queues, cancellationToken));

    public override void SetJobParameter(string id, string name, string value)
    {
        counter.ParameterWrites.Enqueue($"{id}:{name}");
        Counted(() => { inner.SetJobParameter(id, name, value); return 0; });
    }

    public override string GetJobParameter(string id, string name) => Counted(() => inner.GetJobParameter(id, name));

    public override JobData GetJobData(string jobId) => Counted(() => inner.GetJobData(jobId));

    public override StateData GetStateData(string jobId) => Counted(() => inner.GetStateData(jobId));

    public override void AnnounceServer(string serverId, ServerContext context) => Counted(() => { inner.AnnounceServer(serverId, context); return 0; });

    public override void RemoveServer(string serverId) => Counted(() => { inner.RemoveServer(serverId); return 0; });

    public override void Heartbeat(string serverId) => Counted(() => { inner.Heartbeat(serverId); return 0; });

    public override int RemoveTimedOutServers(TimeSpan timeOut) => Counted(() => inner.RemoveTimedOutServers(timeOut));

    public override HashSet<string> GetAllItemsFromSet(string key) => Counted(() => inner.GetAllItemsFromSet(key));

    public override string GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) => Counted(() => inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore));

    public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count) =>
        Counted(() => inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore, count));

    public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs) => Counted(() => { inner.SetRangeInHash(key, keyValuePairs); return 0; });

    public override Dictionary<string, string> GetAllEntriesFromHash(string key) => Counted(() => inner.GetAllEntriesFromHash(key));

    public override long GetSetCount(string key) => Counted(() => inner.GetSetCount(key));

    public override bool GetSetContains(string key, string value) => Counted(() => inner.GetSetContains(key, value));

    public override List<string> GetRangeFromSet(string key, int startingFrom, int endingAt) => Counted(() => inner.GetRangeFromSet(key, startingFrom, endingAt));

    public override TimeSpan GetSetTtl(string key) => Counted(() => inner.GetSetTtl(key));

    public override long GetHashCount(string key) => Counted(() => inner.GetHashCount(key));

    public override TimeSpan GetHashTtl(string key) => Counted(() => inner.GetHashTtl(key));

    public override string GetValueFromHash(string key, string name) => Counted(() => inner.GetValueFromHash(key, name));

    public override long GetListCount(string key) => Counted(() => inner.GetListCount(key));

    public override TimeSpan GetListTtl(string key) => Counted(() => inner.GetListTtl(key));

    public override List<string> GetRangeFromList(string key, int startingFrom, int endingAt) => Counted(() => inner.GetRangeFromList(key, startingFrom, endingAt));

    public override List<string> GetAllItemsFromList(string key) => Counted(() => inner.GetAllItemsFromList(key));

    public override long GetCounter(string key) => Counted(() => inner.GetCounter(key));

    public override DateTime GetUtcDateTime() => Counted(inner.GetUtcDateTime);

    public override void Dispose()
    {
        inner.Dispose();
        base.Dispose();
    }
}
