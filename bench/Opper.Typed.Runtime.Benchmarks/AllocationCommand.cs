using System.Globalization;

namespace Opper.Typed.Benchmarks;

/// <summary>
/// Bytes allocated per submit + poll, client and in-process server together, for each <see cref="RuntimeBenchmarks"/>
/// variant: <c>GC.GetTotalAllocatedBytes</c> over many calls after a warm-up. Counted, not timed, so it is steady on a
/// noisy machine and quick enough to run after every change; BenchmarkDotNet's figures are the ones the goal is read from.
/// </summary>
internal static class AllocationCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var benchmarks = new RuntimeBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            var variants = new (string Name, Func<Task> Call)[]
            {
                ("HandWritten", benchmarks.HandWritten),
                ("Typed", benchmarks.Typed),
                ("Untyped", benchmarks.Untyped),
                ("TypedValidationOff", benchmarks.TypedValidationOff),
            };
            double? baseline = null;
            foreach (var (name, call) in variants)
            {
                for (var i = 0; i < 300; i++)
                {
                    await call();
                }

                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < calls; i++)
                {
                    await call();
                }

                var perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / calls;
                baseline ??= perCall;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {perCall,8:0.00} KB  {perCall / baseline,5:0.00}×"));
            }

            return 0;
        }
        finally
        {
            await benchmarks.CleanupAsync();
        }
    }
}
