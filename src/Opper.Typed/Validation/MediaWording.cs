using System.Collections.Generic;
using System.Linq;

namespace Opper.Typed
{
    /// <summary>How media forms are named in messages; linked into the analyzers so both say the same words.</summary>
    internal static class MediaWording
    {
        /// <summary>"a base64 data-URI or a gs:// URI": the forms a provider takes, in the dialect's kinds.</summary>
        public static string Accepted(IEnumerable<string> kinds, bool publicUrlsOnly) => string.Join(" or ", kinds.Select(kind => kind switch
        {
            MediaSourceClassifier.Url => publicUrlsOnly ? "a public http(s) URL" : "an http(s) URL",
            MediaSourceClassifier.DataUri => "a base64 data-URI",
            _ => "a gs:// URI",
        }));

        /// <summary>"an http(s) URL": what a given value is, null meaning none of the forms.</summary>
        public static string Given(string? kind) => kind switch
        {
            MediaSourceClassifier.Url => "an http(s) URL",
            MediaSourceClassifier.DataUri => "a data-URI",
            MediaSourceClassifier.Gcs => "a gs:// URI",
            _ => "a value that is not a URL or data-URI",
        };
    }
}
