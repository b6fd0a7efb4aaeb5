using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>The properties a model's generated class has, for code fixes that must not write a property the class lacks.</summary>
    internal static class TypedClassProperties
    {
        /// <summary>Its parameters' properties, its media inputs, and the ones every class has; comma-separated.</summary>
        public static string Of(VideoModelSpec model)
        {
            var names = new List<string>();
            foreach (var parameter in model.Parameters)
            {
                names.Add(parameter.PropertyName);
            }

            names.Add("Store");
            names.Add("AdditionalParameters");
            if (model.TakesImage)
            {
                names.Add("Image");
            }

            if (model.TakesVideo)
            {
                names.Add("Video");
            }

            return string.Join(",", names);
        }
    }
}
