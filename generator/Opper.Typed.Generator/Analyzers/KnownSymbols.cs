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
            var videoRequest = compilation.GetTypeByMetadataName("Opper.Typed.VideoRequest");
            var videoRequestInterface = compilation.GetTypeByMetadataName("Opper.Typed.IVideoRequest");
            var mediaInput = compilation.GetTypeByMetadataName("Opper.Typed.MediaInput");
            return videoRequest is null || videoRequestInterface is null || mediaInput is null
                ? null
                : new KnownSymbols(videoRequest, videoRequestInterface, mediaInput, compilation.GetTypeByMetadataName("Opper.Typed.OpperVideoClientOptions"));
        }
    }
}
