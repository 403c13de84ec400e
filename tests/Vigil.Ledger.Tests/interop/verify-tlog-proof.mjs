// An independent verifier of C2SP signed notes, checkpoints and tlog-proof@v1 documents, written only
// against the specs with Node's built-in crypto, to show Vigil's output is the standard format.
//
// Input on stdin, JSON: { "verifierKeys": ["name+keyid+base64", ...], "tlogProof": "...", "leafHash": "base64" }
// Output on stdout, JSON: { "origin", "size", "verified": ["name", ...] }. Exit code 1 on any failure.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const sha256 = (...parts) => createHash("sha256").update(Buffer.concat(parts)).digest();
const fail = (message) => { process.stderr.write(message + "\n"); process.exit(1); };

function parseVerifierKey(vkey) {
  const [name, idHex] = vkey.split("+", 2);
  const key = Buffer.from(vkey.slice(name.length + idHex.length + 2), "base64");
  const type = key[0], publicKey = key.subarray(1);
  if (![0x01, 0x04].includes(type) || publicKey.length !== 32) fail(`unsupported key ${vkey}`);
  const keyId = sha256(Buffer.from(name + "\n", "utf8"), Buffer.from([type]), publicKey).subarray(0, 4);
  if (keyId.toString("hex") !== idHex) fail(`key id mismatch for ${vkey}`);
  const jwk = { kty: "OKP", crv: "Ed25519", x: publicKey.toString("base64url") };
  return { name, keyId, type, key: createPublicKey({ key: jwk, format: "jwk" }) };
}

function openNote(note, verifiers) {
  const split = note.lastIndexOf("\n\n");
  if (split < 0 || !note.endsWith("\n")) fail("malformed note");
  const text = Buffer.from(note.slice(0, split + 1), "utf8");
  const verified = [];
  for (const line of note.slice(split + 2, -1).split("\n")) {
    if (!line.startsWith("\u2014 ")) fail(`malformed signature line: ${line}`);
    const [name, b64] = line.slice(2).split(" ");
    const raw = Buffer.from(b64, "base64");
    const v = verifiers.find((k) => k.name === name && k.keyId.equals(raw.subarray(0, 4)));
    if (!v) continue;
    let message = text, signature = raw.subarray(4);
    if (v.type === 0x04) {
      const time = signature.readBigUInt64BE(0);
      message = Buffer.concat([Buffer.from(`cosignature/v1\ntime ${time}\n`, "utf8"), text]);
      signature = signature.subarray(8);
    }
    if (!verify(null, message, v.key, signature)) fail(`invalid signature by ${name}`);
    verified.push(name);
  }
  if (verified.length === 0) fail("no verifiable signatures");
  return { text: text.toString("utf8"), verified };
}

function verifyInclusion(index, size, leafHash, proof, root) {
  // RFC 9162, section 2.1.3.2.
  if (index >= size) fail("index beyond tree size");
  let fn = index, sn = size - 1n, r = leafHash;
  const node = (l, rr) => sha256(Buffer.from([1]), l, rr);
  for (const p of proof) {
    if (sn === 0n) fail("proof too long");
    if ((fn & 1n) === 1n || fn === sn) {
      r = node(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    } else {
      r = node(r, p);
    }
    fn >>= 1n; sn >>= 1n;
  }
  if (sn !== 0n || !r.equals(root)) fail("inclusion proof does not match the checkpoint root");
}

const input = JSON.parse(readFileSync(0, "utf8"));
const verifiers = input.verifierKeys.map(parseVerifierKey);
const lines = input.tlogProof.split("\n");
if (lines[0] !== "c2sp.org/tlog-proof@v1") fail("not a tlog-proof@v1 document");
let i = 1;
if (lines[i].startsWith("extra ")) i++;
if (!/^index (0|[1-9][0-9]*)$/.test(lines[i])) fail("bad index line");
const index = BigInt(lines[i++].slice(6));
const proof = [];
while (lines[i] !== "") proof.push(Buffer.from(lines[i++], "base64"));
const note = lines.slice(i + 1).join("\n");
const { text, verified } = openNote(note, verifiers);
const [origin, sizeText, rootB64] = text.split("\n");
if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) fail("bad tree size");
verifyInclusion(index, BigInt(sizeText), Buffer.from(input.leafHash, "base64"), proof, Buffer.from(rootB64, "base64"));
process.stdout.write(JSON.stringify({ origin, size: sizeText, verified }) + "\n");
