using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Opper.Typed.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
