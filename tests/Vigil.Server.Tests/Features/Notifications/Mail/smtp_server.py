"""A real SMTP server for the outgoing-mail tests: aiosmtpd (Debian's python3-aiosmtpd) on loopback.

Each accepted message is written to a maildir with its envelope recipients in an X-Envelope-To header. Recipients
whose local part starts with "refuse" are refused for good (550), with "busy" for now (451). Optional: STARTTLS or
implicit TLS with a given certificate, and AUTH PLAIN/LOGIN against one user name and password. Prints "ready" once
it listens, and runs until it is killed.
"""
import argparse
import mailbox
import signal
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir):
        self.box = mailbox.Maildir(maildir, create=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("refuse"):
            return "550 5.1.1 No such user here"
        if local.startswith("busy"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        header = ("X-Envelope-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode("ascii")
        self.box.add(header + envelope.original_content)
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    context = None
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        return AuthResult(success=ok)

    smtp = {"decode_data": False}
    if args.user:
        # Under implicit TLS aiosmtpd 1.4 does not see the connection as TLS and would hide AUTH; it is TLS all the same.
        smtp.update(authenticator=authenticator, auth_required=True, auth_require_tls=args.tls == "starttls")
    if args.tls == "starttls":
        smtp.update(tls_context=context, require_starttls=True)
    controller = Controller(Handler(args.maildir), hostname="127.0.0.1", port=args.port,
                            ssl_context=context if args.tls == "implicit" else None, server_hostname="localhost", **smtp)
    controller.start()
    print("ready", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
