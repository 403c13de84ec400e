using Microsoft.Extensions.Logging;
using Vigil.Ledger.Notes;
using Vigil.Server.Features.Ledger;

namespace Vigil.Server.Tests.Features.Ledger;

/// <summary>
/// A signer that stays down while requests keep coming: each request is refused, but the log gets the first failure
/// with its reason, one line per hundred after it and one when signing works again, not a line per request.
/// </summary>
public sealed class FailureReportingSignerTests
{
    [Fact]
    public void A_run_of_failures_is_logged_at_its_start_every_hundred_and_at_its_end()
    {
        var held = new SwitchableSigner { Down = true };
        var log = new Lines();
        var signer = new FailureReportingSigner(held, log);

        for (var i = 0; i < 250; i++)
        {
            var error = Assert.Throws<LedgerSigningException>(() => signer.Sign("text\n"u8));
            Assert.Contains("token removed", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(
            ["(1 failures in a row)", "(100 failures in a row)", "(200 failures in a row)"],
            log.Errors.Select(e => e[e.IndexOf('(', StringComparison.Ordinal)..(e.IndexOf(')', StringComparison.Ordinal) + 1)]));
        Assert.All(log.Errors, e => Assert.EndsWith("token removed", e, StringComparison.Ordinal));

        held.Down = false;
        Assert.Equal(64, signer.Sign("text\n"u8).Length);
        Assert.Equal(64, signer.Sign("text\n"u8).Length);
        Assert.Equal(["The log signs checkpoints again, after 250 failures in a row"], log.Information);

        // A new run starts counting from one again.
        held.Down = true;
        Assert.Throws<LedgerSigningException>(() => signer.Sign("text\n"u8));
        Assert.Contains("(1 failures in a row)", log.Errors[^1], StringComparison.Ordinal);
        Assert.Equal(4, log.Errors.Count);
    }

    private sealed class SwitchableSigner : NoteSigner
    {
        public bool Down { get; set; }

        public override string Name => "example.org/log";

        public override uint KeyId => 7;

        public override byte[] Sign(ReadOnlySpan<byte> text) => Down ? throw new InvalidOperationException("token removed") : new byte[64];
    }

    private sealed class Lines : ILogger
    {
        public List<string> Errors { get; } = [];

        public List<string> Information { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            (logLevel == LogLevel.Error ? Errors : Information).Add(formatter(state, exception));
    }
}
