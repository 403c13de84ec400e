namespace Vigil.Data;

internal static class Placeholder;
