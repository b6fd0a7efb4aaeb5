using System.Collections.Generic;

namespace Opper.Typed.Generator
{
    internal static class EnumerableExtensions
    {
        public static bool Contains<T>(this Model.EquatableArray<T> array, T value)
            where T : System.IEquatable<T>
        {
            foreach (var item in array)
            {
                if (EqualityComparer<T>.Default.Equals(item, value))
                {
                    return true;
                }
            }

            return false;
        }

        public static object[] ToArray<T>(this Model.EquatableArray<string> array)
        {
            var result = new object[array.Count];
            for (var i = 0; i < array.Count; i++)
            {
                result[i] = array[i];
            }

            return result;
        }
    }
}
