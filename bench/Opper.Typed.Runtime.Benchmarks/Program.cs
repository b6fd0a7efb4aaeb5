using BenchmarkDotNet.Running;
using Opper.Typed.Benchmarks;

// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- --filter '*RuntimeBenchmarks*'
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- concurrency 1000
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- download [MiB, default 1024]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- upload [MiB, default 1024] [rounds, default 5]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- allocations [calls, default 2000]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- polling [jobs, default 200] [spread, default 0.1] [time scale, default 10]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- durable [jobs, default 1000] [job seconds, default 20]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- hangfire-floor [jobs, default 1000]
// dotnet run -c Release --project bench/Opper.Typed.Runtime.Benchmarks -- waiting [jobs, default 3000] [job seconds, default 240; longer than the submitting of all jobs takes]
if (args is ["concurrency", ..])
{
    return await ConcurrencyCommand.RunAsync(args[1..]);
}

if (args is ["download", ..])
{
    return await DownloadCommand.RunAsync(args[1..]);
}

if (args is ["upload", ..])
{
    return await UploadCommand.RunAsync(args[1..]);
}

if (args is ["durable", ..])
{
    return await DurableCommand.RunAsync(args[1..]);
}

if (args is ["hangfire-floor", ..])
{
    return await HangfireFloorCommand.RunAsync(args[1..]);
}

if (args is ["waiting", ..])
{
    return await WaitingCommand.RunAsync(args[1..]);
}

if (args is ["polling", ..])
{
    return await PollingCommand.RunAsync(args[1..]);
}

if (args is ["allocations", ..])
{
    return await AllocationCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
