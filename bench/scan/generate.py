#!/usr/bin/env python3
"""Writes the scanner benchmark's inputs: a log of the requested size and domain indicator sets.

Usage: generate.py OUT_DIR SIZE_BYTES PEGASUS_DOMAINS_TXT

OUT_DIR receives scan.log and, for each indicator count N in 100, 10000 and 100000, domains-N.txt (one domain a
line, for grep and ripgrep) and domains-N.stix2 (the same domains as a STIX 2.1 bundle, for vigil). Every set starts
with the real Pegasus domains and is filled up with generated ones.

Two more sets, each as .txt (the values, for ripgrep) and .stix2, drawn from their own seed so that the log's bytes
do not depend on them:
- odd-domains: the Pegasus domains and the values real sets hold that a simple line filter gives up on: domains
  whose last label starts with a digit or that are IPv4 addresses (`domain-name:value='203.0.113.9'`);
- mixed: the whole Pegasus bundle (domains, e-mails, process and file names) and generated IPv4 and IPv6 addresses
  (some of them in the log), URLs, e-mail addresses, MD5/SHA-1/SHA-256 hashes, file names, file paths and
  directories, digit-leading labels and address-valued domains. The log mixes resolver, proxy, web-server and
system lines; about one line in 20,000 names an indicator (a subdomain, a URL with port and user info, or the
domain itself), and decoys that must not hit (the domain as a label inside another, or with a prefix) are mixed in.
A fixed seed makes every run produce the same bytes.
"""
import json
import os
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


NAMESPACE = uuid.UUID("8f3c7c1e-7b44-4f3e-9d7a-3d6c6f0f2a10")


def write_set(out, name, patterns):
    """patterns: (STIX pattern, literal value) pairs; writes NAME.stix2 for vigil and NAME.txt for grep and ripgrep."""
    stamp = "2024-01-01T00:00:00.000Z"
    with open(f"{out}/{name}.txt", "w") as f:
        f.write("".join(value + "\n" for _, value in patterns))
    objects = [{"type": "indicator", "spec_version": "2.1", "id": f"indicator--{uuid.uuid5(NAMESPACE, p)}",
                "created": stamp, "modified": stamp, "pattern": p, "pattern_type": "stix", "valid_from": stamp}
               for p, _ in patterns]
    with open(f"{out}/{name}.stix2", "w") as f:
        json.dump({"type": "bundle", "id": f"bundle--{uuid.uuid5(NAMESPACE, name)}", "objects": objects}, f)


def write_sets(out, sets):
    for n, domains in sets.items():
        write_set(out, f"domains-{n}", [(f"[domain-name:value='{d}']", d) for d in domains])


def odd_domains(rng):
    """Domains whose last label starts with a digit, and domain-name values that are IPv4 addresses."""
    digit_tld = [f"{rng.choice(WORDS)}{rng.randrange(100)}.{rng.randrange(10)}{rng.choice(WORDS)}" for _ in range(20)]
    addresses = [f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}" for _ in range(20)]
    return [(f"[domain-name:value='{d}']", d) for d in digit_tld + addresses]


def mixed_set(rng, pegasus_dir, pegasus):
    """A few thousand indicators of every kind the scanner matches in text."""
    with open(f"{pegasus_dir}/pegasus.stix2") as f:
        bundle = json.load(f)
    patterns = []
    for o in bundle["objects"]:
        if o["type"] == "indicator":
            value = o["pattern"].split("=", 1)[1].strip("]'")
            patterns.append((o["pattern"], value))
    patterns += odd_domains(rng)
    # Addresses of the log's own form, so that some are found, and public-looking ones.
    for i in range(1000):
        a = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}" if i % 2 else \
            f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}"
        patterns.append((f"[ipv4-addr:value='{a}']", a))
    for i in range(200):
        groups = [f"{rng.randrange(65536):x}" for _ in range(3)]
        a = f"2001:db8:{groups[0]}::{groups[1]}:{groups[2]}" if i % 4 else \
            f"::ffff:{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}"
        patterns.append((f"[ipv6-addr:value='{a}']", a))
    for i in range(500):
        host = generated_domain(rng) if i % 5 else f"{rng.randrange(1, 224)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}"
        u = f"https://{host}/{rng.choice(WORDS)}/{rng.randrange(10**4)}.php?id={rng.randrange(100)}"
        patterns.append((f"[url:value='{u}']", u))
    for _ in range(100):
        e = f"{rng.choice(WORDS)}{rng.randrange(10**4)}@{generated_domain(rng)}"
        patterns.append((f"[email-addr:value='{e}']", e))
    for i in range(500):
        algorithm, digits = (("MD5", 32), ("SHA-1", 40), ("SHA-256", 64))[i % 3]
        h = "".join(rng.choice("0123456789abcdef") for _ in range(digits))
        patterns.append((f"[file:hashes.'{algorithm}'='{h}']", h))
    for i in range(100):
        name = f"{rng.choice(WORDS)}{rng.randrange(1000)}" + (".dylib" if i % 2 else "d")
        patterns.append((f"[file:name='{name}']", name))
    for i in range(100):
        path = f"/private/var/{rng.choice(WORDS)}/{rng.choice(WORDS)}{rng.randrange(1000)}" + ("/" if i % 5 == 0 else ".plist" if i % 2 else "")
        patterns.append((f"[file:path='{path}']", path))
    return patterns


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
    # Their own seed: the log above is the same bytes with or without these sets.
    others = random.Random(20240126)
    write_set(out, "odd-domains", [(f"[domain-name:value='{d}']", d) for d in pegasus] + odd_domains(others))
    write_set(out, "mixed", mixed_set(others, os.path.dirname(os.path.abspath(pegasus_file)), pegasus))


if __name__ == "__main__":
    main()
