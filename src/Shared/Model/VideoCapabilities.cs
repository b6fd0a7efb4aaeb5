namespace Opper.Typed
{
    /// <summary>The capability names of the video catalog (<c>GET /v3/videos/models</c>), spelled once.</summary>
    static partial class VideoCapabilities
    {
        /// <summary>Text-to-video: the model makes a clip from a prompt.</summary>
        public const string VideoGeneration = "video_generation";

        /// <summary>Image-to-video: the model takes <c>image</c>.</summary>
        public const string ImageToVideo = "image_to_video";

        /// <summary>Video-to-video: the model takes <c>video</c>.</summary>
        public const string VideoEditing = "video_editing";

        /// <summary>Whether a capability name is one this SDK knows.</summary>
        /// <param name="capability">A capability name from the catalog.</param>
        /// <returns>True for the three names above.</returns>
        public static bool IsKnown(string capability) =>
            capability == VideoGeneration || capability == ImageToVideo || capability == VideoEditing;

        /// <summary>The capability a media field needs: <c>video</c> needs video editing, every image field image-to-video.</summary>
        /// <param name="field">The wire field: <c>image</c>, <c>video</c> or <c>reference_images[i]</c>.</param>
        /// <returns>The capability name.</returns>
        public static string RequiredFor(string field) => field == "video" ? VideoEditing : ImageToVideo;
    }
}
