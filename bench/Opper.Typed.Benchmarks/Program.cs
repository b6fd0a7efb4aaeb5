using BenchmarkDotNet.Running;
using Opper.Typed.Benchmarks;

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- fuzz-generator 10000 [seed]
if (args is ["fuzz-generator", ..])
{
    return GeneratorFuzzCommand.Run(args[1..]);
}

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- analyzer-consumer bench/artifacts/consumer
if (args is ["analyzer-consumer", var folder])
{
    return AnalyzerBenchmarks.WriteConsumer(Path.GetFullPath(folder));
}

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- analyzer-share [runs]
if (args is ["analyzer-share", ..])
{
    return AnalyzerBenchmarks.ReportShare(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
}

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- generator-scaling [runs]
if (args is ["generator-scaling", ..])
{
    return GeneratorScalingCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 30);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
