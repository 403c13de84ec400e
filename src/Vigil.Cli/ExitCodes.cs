namespace Vigil.Cli;

/// <summary>What `vigil` exits with; docs/cli.md lists the same.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The server (or a check) said no: invalid input, not found, not allowed, a conflict.</summary>
    public const int Rejected = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int Usage = 2;
    /// <summary>The server could not be reached or failed.</summary>
    public const int Unavailable = 3;
    /// <summary>A local file could not be read.</summary>
    public const int LocalFile = 4;
    /// <summary>`ledger follow`: the followed log contradicted itself (a fork, a rollback, tiles that do not match its checkpoint).</summary>
    public const int Alarm = 5;
    /// <summary>`ledger audit`, `db copy`: the audit could not run (no database, no key for the log's origin); nothing was found or cleared.</summary>
    public const int CouldNotAudit = 6;
    /// <summary>The client edition of vigil: the command needs the server (serve, demo, db, admin init, ledger audit, witness serve).</summary>
    public const int NotInThisBuild = 7;
}
