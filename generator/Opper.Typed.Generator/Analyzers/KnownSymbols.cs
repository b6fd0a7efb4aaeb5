using Microsoft.CodeAnalysis;

namespace Opper.Typed.Generator.Analyzers
{
    /// <summary>The Opper.Typed types the rules look for, resolved once per compilation.</summary>
    internal sealed class KnownSymbols
    {
        private KnownSymbols(INamedTypeSymbol videoRequest, INamedTypeSymbol videoRequestInterface, INamedTypeSymbol mediaInput, INamedTypeSymbol? clientOptions)
        {
            VideoRequest = videoRequest;
            VideoRequestInterface = videoRequestInterface;
            MediaInput = mediaInput;
            ClientOptions = clientOptions;
        }

        public INamedTypeSymbol VideoRequest { get; }

        public INamedTypeSymbol VideoRequestInterface { get; }

        public INamedTypeSymbol MediaInput { get; }

        public INamedTypeSymbol? ClientOptions { get; }

        /// <summary>Null when the compilation does not reference Opper.Typed: then no rule is registered at all.</summary>
        public static KnownSymbols? Resolve(Compilation compilation)
        {
            // Asked of the one assembly that defines them: Compilation.GetTypeByMetadataName searches every reference
            // for each name, which in a profile cost as much as analyzing 500 requests.
            if (OpperTyped(compilation) is not { } assembly)
            {
                return null;
            }

            var videoRequest = assembly.GetTypeByMetadataName("Opper.Typed.VideoRequest");
            var videoRequestInterface = assembly.GetTypeByMetadataName("Opper.Typed.IVideoRequest");
            var mediaInput = assembly.GetTypeByMetadataName("Opper.Typed.MediaInput");
            return videoRequest is null || videoRequestInterface is null || mediaInput is null
                ? null
                : new KnownSymbols(videoRequest, videoRequestInterface, mediaInput, assembly.GetTypeByMetadataName("Opper.Typed.OpperVideoClientOptions"));
        }

        /// <summary>The Opper.Typed assembly: referenced, or the one being compiled.</summary>
        private static IAssemblySymbol? OpperTyped(Compilation compilation)
        {
            if (compilation.Assembly.Identity.Name == AssemblyName)
            {
                return compilation.Assembly;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == AssemblyName)
                {
                    return assembly;
                }
            }

            return null;
        }

        private const string AssemblyName = "Opper.Typed";
    }
}
