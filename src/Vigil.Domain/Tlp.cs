namespace Vigil.Domain;

/// FIRST TLP 2.0 labels.
public enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}
