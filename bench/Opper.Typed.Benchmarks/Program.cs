using BenchmarkDotNet.Running;
using Opper.Typed.Benchmarks;

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- fuzz-generator 10000 [seed]
if (args is ["fuzz-generator", ..])
{
    return GeneratorFuzzCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
