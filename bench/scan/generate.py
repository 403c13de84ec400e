#!/usr/bin/env python3
"""Writes the scanner benchmark's inputs: a log of the requested size and domain indicator sets.

Usage: generate.py OUT_DIR SIZE_BYTES PEGASUS_DOMAINS_TXT

OUT_DIR receives scan.log and, for each indicator count N in 100, 10000 and 100000, domains-N.txt (one domain a
line, for grep and ripgrep) and domains-N.stix2 (the same domains as a STIX 2.1 bundle, for vigil). Every set starts
with the real Pegasus domains and is filled up with generated ones. The log mixes resolver, proxy, web-server and
system lines; about one line in 20,000 names an indicator (a subdomain, a URL with port and user info, or the
domain itself), and decoys that must not hit (the domain as a label inside another, or with a prefix) are mixed in.
A fixed seed makes every run produce the same bytes.
"""
import json
import random
import sys
import uuid

COUNTS = (100, 10_000, 100_000)
WORDS = ("cdn api static img mail auth login news shop media data cloud edge sync push track ads metrics "
         "secure update portal video blog app mobile store pay help docs web my go").split()
TLDS = ("com", "net", "org", "info", "io", "co", "online", "in", "de", "fr")


def generated_domain(rng):
    return f"{rng.choice(WORDS)}{rng.choice(WORDS)}-{rng.randrange(10**6)}.{rng.choice(TLDS)}"


def indicator_sets(rng, pegasus):
    domains = list(dict.fromkeys(pegasus))
    seen = set(domains)
    while len(domains) < max(COUNTS):
        d = generated_domain(rng)
        if d not in seen:
            seen.add(d)
            domains.append(d)
    return {n: domains[:n] for n in COUNTS}


def write_sets(out, sets):
    namespace = uuid.UUID("8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10")
    stamp = "2024-01-01T00:00:00.000Z"
    for n, domains in sets.items():
        with open(f"{out}/domains-{n}.txt", "w") as f:
            f.write("".join(d + "\n" for d in domains))
        objects = [{"type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid5(namespace, d)}",
                    "created": stamp, "modified": stamp, "pattern": f"[domain-name:value='{d}']",
                    "pattern_type": "stix", "valid_from": stamp} for d in domains]
        with open(f"{out}/domains-{n}.stix2", "w") as f:
            json.dump({"type": "bundle", "id": f"bundle--{uuid.uuid5(namespace, str(n))}", "objects": objects}, f)


def clean_line(rng, i):
    host = generated_domain(rng)
    ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}"
    ts = f"2024-05-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}.{i % 1000:03d}Z"
    kind = i % 4
    if kind == 0:
        return f"{ts} gw-{i % 97} dnsmasq[{1000 + i % 5000}]: query[A] {host} from {ip}\n"
    if kind == 1:
        return (f'{ts} proxy-{i % 13} squid: {ip} TCP_MISS/200 {rng.randrange(99999)} GET https://{host}/'
                f'{rng.choice(WORDS)}/{rng.choice(WORDS)}?id={rng.randrange(10**6)} - HIER_DIRECT/{ip} text/html\n')
    if kind == 2:
        return (f'{ts} web-{i % 7} nginx: {ip} - - "GET /{rng.choice(WORDS)}/{rng.randrange(10**4)}.html HTTP/1.1" 200 '
                f'{rng.randrange(99999)} "https://{host}/" "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36"\n')
    return f"{ts} phone kernel: [{i % 99999}.{i % 1000:06d}] wlan0: associated with AP {rng.randrange(16**12):012x} on /var/log/{rng.choice(WORDS)}.log\n"


def planted_line(rng, domain, i):
    shape = i % 5
    if shape == 0:
        return f"2024-05-02T10:00:00.000Z gw-1 dnsmasq[77]: query[A] {rng.choice(WORDS)}.{domain} from 10.0.0.1\n"
    if shape == 1:
        return f"2024-05-02T10:00:00.000Z proxy-1 squid: 10.0.0.2 GET http://user:pw@{domain}:8443/x/y - text/html\n"
    if shape == 2:
        return f"2024-05-02T10:00:00.000Z sms: visit {domain}/r/{i} now\n"
    # Decoys: the indicator as a label inside another name, and with letters before it.
    if shape == 3:
        return f"2024-05-02T10:00:00.000Z gw-1 dnsmasq[77]: query[A] {domain}.example.org from 10.0.0.3\n"
    return f"2024-05-02T10:00:00.000Z gw-1 dnsmasq[77]: query[A] not{domain} from 10.0.0.4\n"


def write_log(out, size, rng, pegasus):
    pool = [clean_line(rng, i) for i in range(200_000)]
    written, block, planted = 0, 0, 0
    with open(f"{out}/scan.log", "w") as f:
        while written < size:
            lines = rng.choices(pool, k=20_000)
            lines[rng.randrange(len(lines))] = planted_line(rng, rng.choice(pegasus), block)
            chunk = "".join(lines)
            chunk = chunk[: size - written] if written + len(chunk) > size else chunk
            f.write(chunk)
            written += len(chunk)
            block += 1


def main():
    out, size, pegasus_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(20190513)
    with open(pegasus_file) as f:
        pegasus = [line.strip().lower() for line in f if line.strip()]
    write_sets(out, indicator_sets(rng, pegasus))
    write_log(out, size, rng, pegasus)


if __name__ == "__main__":
    main()
