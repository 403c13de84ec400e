using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using Vigil.Server.Tests.Infrastructure;

namespace Vigil.Server.Tests.Features.Notifications.Mail;

/// <summary>
/// A real SMTP server process on loopback (aiosmtpd, run by Debian's python3 through smtp_server.py beside this
/// file) that writes what it accepts to a maildir, read back here with MimeKit. Refuses "refuse*" recipients (550)
/// and puts "busy*" off (451); optionally STARTTLS or implicit TLS with a self-signed certificate, and a password.
/// </summary>
public sealed class SmtpServerProcess : IDisposable
{
    private readonly Process _process;

    public SmtpServerProcess(string tls = "none", string? user = null, string? password = null)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vigil-smtp-").FullName;
        Port = FreePort();
        var arguments = new List<string>
        {
            RepositoryPaths.File("tests", "Vigil.Server.Tests", "Features", "Notifications", "Mail", "smtp_server.py"),
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--maildir", Maildir, "--tls", tls,
        };
        if (tls != "none")
        {
            var (cert, key) = WriteSelfSignedCertificate(Directory);
            arguments.AddRange(["--cert", cert, "--key", key]);
        }
        if (user is not null)
        {
            arguments.AddRange(["--user", user, "--password", password!]);
        }
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "ready")
        {
            var error = _process.HasExited ? _process.StandardError.ReadToEnd() : "no answer";
            Dispose();
            throw new InvalidOperationException("The SMTP server did not start: " + error);
        }
    }

    public int Port { get; }

    public string Directory { get; }

    private string Maildir => Path.Combine(Directory, "maildir");

    /// <summary>Every message accepted so far (in no particular order).</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. System.IO.Directory.EnumerateFiles(Path.Combine(Maildir, "new")).Select(file => MimeMessage.Load(file))];

    /// <summary>The messages whose envelope went to <paramref name="address"/>.</summary>
    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        [.. Messages().Where(m => m.Headers["X-Envelope-To"]?.Split(',').Select(a => a.Trim()).Contains(address, StringComparer.OrdinalIgnoreCase) == true)];

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The temporary directory is cleaned by the OS later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string Cert, string Key) WriteSelfSignedCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        var (certPath, keyPath) = (Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath);
    }
}
