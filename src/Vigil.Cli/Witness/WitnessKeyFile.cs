using Vigil.Ledger.Notes;
using Vigil.Server.Infrastructure.Storage;

namespace Vigil.Cli.Witness;

/// <summary>
/// The witness's secret key: read from its file (refused if others may read it), or generated into it (readable by its
/// owner alone) on first start.
/// </summary>
public static class WitnessKeyFile
{
    /// <summary>Loads the key; creates it under <paramref name="name"/> when the file does not exist (then the name is required).</summary>
    public static Ed25519CosignatureSigner LoadOrCreate(string path, string? name, TimeProvider clock)
    {
        if (File.Exists(path))
        {
            var signer = Ed25519CosignatureSigner.Parse(OwnerOnlyFile.ReadAllText(path).Trim(), clock);
            if (name is not null && name != signer.Name)
            {
                signer.Dispose();
                throw new ArgumentException($"The key in {path} is named '{signer.Name}', not '{name}'.");
            }
            return signer;
        }
        if (name is null)
        {
            throw new ArgumentException($"{path} does not exist: give --name to create a new witness key there.");
        }
        var created = Ed25519CosignatureSigner.Generate(name, clock);
        OwnerOnlyFile.CreateText(path, created.SignerKey);
        return created;
    }
}
