using System.IO.Pipelines;
using Microsoft.Extensions.Time.Testing;

namespace Opper.Typed.Tests.Client;

/// <summary>
/// The stall guard counts only the wait for the network: a read that gets nothing for the timeout fails, time spent
/// between reads or writing to disk does not count, and a read after a stall is watched afresh. Driven by a fake clock.
/// </summary>
public sealed class ReadStallGuardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_read_that_gets_nothing_for_the_timeout_fails_and_one_that_gets_bytes_in_time_does_not()
    {
        var (time, pipe, guard) = Start();
        using (guard)
        {
            var first = guard.ReadAsync(pipe.Reader.AsStream(), new byte[8], CancellationToken.None).AsTask();
            time.Advance(Timeout - TimeSpan.FromSeconds(1));
            await pipe.Writer.WriteAsync(new byte[] { 1 });
            Assert.Equal(1, await first);

            var second = guard.ReadAsync(pipe.Reader.AsStream(), new byte[8], CancellationToken.None).AsTask();
            time.Advance(Timeout - TimeSpan.FromSeconds(1));
            Assert.False(second.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(1));

            var stalled = await Assert.ThrowsAsync<TimeoutException>(() => second);
            Assert.Contains("DownloadStallTimeout", stalled.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Time_spent_writing_a_copied_body_does_not_count_as_a_stall()
    {
        var (time, pipe, guard) = Start();
        using (guard)
        {
            var disk = new TaskCompletionSource();
            var destination = new SlowDisk(guard, disk.Task);
            var copy = guard.CopyAsync(pipe.Reader.AsStream(), destination, 1024, CancellationToken.None);
            await pipe.Writer.WriteAsync(new byte[] { 1 });
            await destination.Writing.Task;

            time.Advance(Timeout * 3); // the write hangs on the disk; the network is not being waited for
            Assert.False(copy.IsCompleted);
            disk.SetResult();
            await pipe.Writer.CompleteAsync();

            await copy;
            Assert.Equal(1, destination.Written);
        }
    }

    [Fact]
    public async Task A_read_after_a_stall_is_watched_afresh()
    {
        var (time, pipe, guard) = Start();
        using (guard)
        {
            var stream = pipe.Reader.AsStream();
            var stalled = guard.ReadAsync(stream, new byte[8], CancellationToken.None).AsTask();
            time.Advance(Timeout);
            await Assert.ThrowsAsync<TimeoutException>(() => stalled);

            var again = guard.ReadAsync(stream, new byte[8], CancellationToken.None).AsTask();
            Assert.False(again.IsCompleted);
            await pipe.Writer.WriteAsync(new byte[] { 2 });
            Assert.Equal(1, await again);

            var third = guard.ReadAsync(stream, new byte[8], CancellationToken.None).AsTask();
            time.Advance(Timeout);
            await Assert.ThrowsAsync<TimeoutException>(() => third);
        }
    }

    /// <summary>A destination that tells the guard it is busy while it writes, as the downloader's sink does, and waits for the test.</summary>
    private sealed class SlowDisk(ReadStallGuard guard, Task done) : MemoryStream
    {
        public TaskCompletionSource Writing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Written { get; private set; }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            guard.Pause();
            Writing.TrySetResult();
            await done;
            Written += buffer.Length;
            guard.Resume();
        }
    }

    private static (FakeTimeProvider Time, Pipe Pipe, ReadStallGuard Guard) Start()
    {
        var time = new FakeTimeProvider();
        return (time, new Pipe(), new ReadStallGuard(Timeout, time));
    }
}
