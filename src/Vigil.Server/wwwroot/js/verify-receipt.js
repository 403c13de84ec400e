// Checks a Vigil receipt in the browser before anything is sent: the checks of the server's ReceiptVerifier (and of
// `vigil verify`), in the same order, each failure named by the same reason and said in the page's own sentences.
// Without this script, or where the browser lacks Ed25519, the form is posted and the server gives the same verdict.
"use strict";
(() => {
  const form = document.getElementById("verify-form");
  const texts = document.getElementById("verdict-texts");
  if (!form || !texts || !window.crypto || !crypto.subtle) return;
  const subtle = crypto.subtle, utf8 = (s) => new TextEncoder().encode(s);
  const text = (name) => texts.content.querySelector(`[data-text="${name}"]`).textContent;
  const say = (name, args = []) => text(name).replace(/\{(\d+)\}/g, (_, i) => args[i]);

  class Failure { constructor(reason, args) { this.reason = reason; this.args = args; } }
  const fail = (reason, ...args) => { throw new Failure(reason, args.map(String)); };
  class Unsupported {}

  const bytes = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => { out.set(p, at); return at + p.length; }, 0);
    return out;
  };
  const sha256 = async (...parts) => new Uint8Array(await subtle.digest("SHA-256", bytes(...parts)));
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  // Standard base64 with padding, nothing else (as the server reads it); canonical: re-encodes to the same text.
  const base64 = (s, canonical) => {
    if (typeof s !== "string" || s.length % 4 !== 0 || !/^[A-Za-z0-9+/=]*$/.test(s)) return null;
    try {
      const b = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      return !canonical || btoa(String.fromCharCode(...b)) === s ? b : null;
    } catch { return null; }
  };
  const hash32 = (s) => { const b = base64(s, true); return b && b.length === 32 ? b : null; };
  const decimal = (s) => /^(0|[1-9][0-9]*)$/.test(s) && BigInt(s) <= 0x7fffffffffffffffn ? BigInt(s) : null;
  const allowed = (s) => s.isWellFormed() && !/[\x00-\x09\x0b-\x1f]/.test(s);
  const validName = (s) => s.length > 0 && !s.includes("+") && s.isWellFormed() && !/\s/u.test(s);

  // name+hexkeyid+base64(type || key): Ed25519 (0x01) and witness cosignature (0x04) keys, the ID matching the key.
  async function parseKeys(lines) {
    const keys = new Map();
    for (const k of [...new Set(lines)]) {
      const a = k.indexOf("+"), b = a < 0 ? -1 : k.indexOf("+", a + 1);
      const name = k.slice(0, Math.max(a, 0)), hex = k.slice(a + 1, b), raw = b < 0 ? null : base64(k.slice(b + 1));
      if (!raw || raw.length < 2 || !validName(name) || !/^[0-9a-fA-F]{8}$/.test(hex)) fail("KeyMalformed");
      const type = raw[0], publicKey = raw.slice(1), id = parseInt(hex, 16);
      const computed = new DataView((await sha256(utf8(name + "\n"), raw)).buffer).getUint32(0);
      if (computed !== id || (type !== 1 && type !== 4) || publicKey.length !== 32 || keys.has(`${name}+${id}`)) fail("KeyMalformed");
      let key = null;
      try { key = await subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]); }
      catch (e) { if (e.name === "NotSupportedError") throw new Unsupported(); }
      keys.set(`${name}+${id}`, { label: `${name}+${hex.toLowerCase()}`, type, key });
    }
    if (keys.size === 0) fail("KeyMalformed");
    return keys;
  }

  async function signatureHolds(key, message, signature) {
    if (key.type === 4) {
      if (signature.length !== 72 || signature[0] & 0x80) return false;
      const time = new DataView(signature.buffer, signature.byteOffset).getBigUint64(0);
      message = bytes(utf8(`cosignature/v1\ntime ${time}\n`), message);
      signature = signature.slice(8);
    }
    return key.key !== null && signature.length === 64 && subtle.verify("Ed25519", key.key, signature, message);
  }

  // c2sp.org/tlog-proof@v1: header, optional extra, index, proof hashes, a blank line, the signed checkpoint.
  function parseProof(s) {
    const lines = s.split("\n");
    let at = 0;
    const next = () => (at < lines.length - 1 ? lines[at++] : null);
    if (next() !== "c2sp.org/tlog-proof@v1") fail("ProofMalformed");
    let line = next();
    if (line !== null && line.startsWith("extra ")) { if (!base64(line.slice(6))) fail("ProofMalformed"); line = next(); }
    const index = line !== null && line.startsWith("index ") ? decimal(line.slice(6)) : null;
    if (index === null) fail("ProofMalformed");
    const hashes = [];
    while ((line = next()) !== null && line.length > 0) {
      const h = base64(line);
      if (!h || h.length !== 32) fail("ProofMalformed");
      hashes.push(h);
    }
    const rest = lines.slice(at).join("\n");
    if (line === null || rest.length === 0) fail("ProofMalformed");
    return { index, hashes, note: rest };
  }

  // A C2SP signed note: its text, and its signatures by keys given (every one must hold, at least one must exist).
  async function openCheckpoint(note, keys) {
    const split = note.lastIndexOf("\n\n"), block = note.slice(split + 2);
    if (!allowed(note) || split < 0 || !block.endsWith("\n")) fail("CheckpointMalformed");
    const lines = block.slice(0, -1).split("\n");
    if (lines.length > 100) fail("CheckpointMalformed");
    const signatures = lines.map((l) => {
      const space = l.indexOf(" ", 2), raw = base64(l.slice(space + 1));
      if (!l.startsWith("\u2014 ") || space < 0 || !validName(l.slice(2, space)) || !raw || raw.length < 5) fail("CheckpointMalformed");
      return { name: l.slice(2, space), id: new DataView(raw.buffer).getUint32(0), signature: raw.slice(4) };
    });
    const known = signatures.filter((s) => keys.has(`${s.name}+${s.id}`));
    if (known.length === 0) fail("NoKnownSignature");
    const text = note.slice(0, split + 1), seen = new Set();
    for (const s of known) {
      const key = keys.get(`${s.name}+${s.id}`);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!(await signatureHolds(key, utf8(text), s.signature))) fail("SignatureInvalid", key.label);
    }
    const [origin, size, root, ...extensions] = text.slice(0, -1).split("\n");
    const rootHash = base64(root ?? "");
    if (root === undefined || decimal(size) === null || !rootHash || rootHash.length !== 32 || !origin || extensions.some((e) => !e)) {
      fail("CheckpointMalformed");
    }
    return { origin, size: decimal(size), root: rootHash };
  }

  // RFC 9162 §2.1.3.2.
  async function includes(index, size, leaf, proof, root) {
    let fn = index, sn = size - 1n, r = leaf;
    for (const p of proof) {
      if (sn === 0n) return false;
      if ((fn & 1n) === 1n || fn === sn) {
        r = await sha256([1], p, r);
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      } else {
        r = await sha256([1], r, p);
      }
      fn >>= 1n; sn >>= 1n;
    }
    return sn === 0n && same(r, root);
  }

  // RFC 8785: members sorted by UTF-16 code units, ECMAScript numbers and strings.
  const canonical = (v) => v === null || typeof v !== "object" ? JSON.stringify(v)
    : Array.isArray(v) ? `[${v.map(canonical).join(",")}]`
    : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;

  const validTime = (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{7}Z$/.exec(s);
    if (!m) return false;
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number), t = new Date(0);
    t.setUTCFullYear(y, mo - 1, d);
    return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && se < 60;
  };

  // JSON.parse keeps the last of a repeated member; the server refuses such JSON, and so does this. Only run on text
  // JSON.parse accepted: its strings, braces, brackets and colons are then all the structure there is.
  const repeatsMember = (json) => {
    const objects = [], tokens = /"(?:[^"\\]|\\.)*"|[{}[\]:]/g;
    let token, name = null;
    while ((token = tokens.exec(json))) {
      const t = token[0];
      if (t === "{") objects.push(new Set());
      else if (t === "[") objects.push(null);
      else if (t === "}" || t === "]") objects.pop();
      else if (t === ":") {
        const names = objects.at(-1), key = JSON.parse(name);
        if (names.has(key)) return true;
        names.add(key);
      } else name = t;
    }
    return false;
  };
  const parseStrictly = (json, reason) => {
    let value;
    try { value = JSON.parse(json); } catch { fail(reason); }
    if (repeatsMember(json)) fail(reason);
    return value;
  };

  async function check(receiptText, keyLines, contentText) {
    const keys = await parseKeys(keyLines);
    const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    let r = parseStrictly(receiptText, "NotJson");
    if (!isObject(r)) fail("NotJson");
    // The whole answer of a submission (or of GET /api/v1/receipts/{i}) holds the receipt in its "receipt" member.
    if (!Object.hasOwn(r, "format") && Object.hasOwn(r, "receipt") && isObject(r.receipt)) r = r.receipt;
    if (r.format !== "vigil-receipt/v1") fail("NotReceipt");
    for (const m of ["log_origin", "leaf_hash", "kind", "incident_id", "received_at", "proof"]) if (typeof r[m] !== "string") fail("BadField", m);
    if (!Number.isSafeInteger(r.leaf_index)) fail("BadField", "leaf_index");
    if (!Number.isSafeInteger(r.sequence) || r.sequence < 0 || r.sequence > 0x7fffffff) fail("BadField", "sequence");
    const leaf = hash32(r.leaf_hash);
    if (!leaf) fail("BadField", "leaf_hash");
    const proof = parseProof(r.proof);
    if (proof.index !== BigInt(r.leaf_index)) fail("IndexMismatch", proof.index, r.leaf_index);
    const checkpoint = await openCheckpoint(proof.note, keys);
    if (checkpoint.origin !== r.log_origin) fail("OriginMismatch", checkpoint.origin, r.log_origin);
    if (proof.index >= checkpoint.size) fail("OutsideTree", proof.index, checkpoint.size);
    if (!(await includes(proof.index, checkpoint.size, leaf, proof.hashes, checkpoint.root))) fail("NotIncluded", proof.index, checkpoint.size);
    if (contentText !== null) {
      const salt = hash32(r.salt);
      if (!salt) fail("BadField", "salt");
      if (!validTime(r.received_at)) fail("BadField", "received_at");
      const content = parseStrictly(contentText, "ContentNotJson");
      const committed = canonical({ content, incident_id: r.incident_id, kind: r.kind, received_at: r.received_at, sequence: r.sequence });
      const data = await sha256(utf8("vigil/submission/v1"), [0], salt, utf8(committed));
      if (!same(await sha256([0], data), leaf)) fail("ContentMismatch");
    }
    const holds = say("Holds", [proof.index, checkpoint.origin, checkpoint.size]);
    // Without the content, the receipt's kind, sequence, incident and time are only what it states: not shown as proved.
    if (contentText === null) return { sentences: [holds, text("ContentNotChecked")], plain: say("HoldsPlainUnchecked", [proof.index]) };
    return {
      sentences: [holds, say("Submission", [r.kind, r.sequence, r.incident_id, r.received_at]), text("ContentChecked")],
      plain: say("HoldsPlain", [r.kind, r.sequence, r.incident_id, r.received_at]),
    };
  }

  const element = (tag, attributes, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
    e.append(...children);
    return e;
  };

  function show(holds, reason, { sentences, plain }) {
    const section = element("section", { id: "verdict", class: `verdict ${holds ? "holds" : "fails"}`, "data-reason": reason,
      "aria-labelledby": "verdict-heading", tabindex: "-1" },
    element("h2", { id: "verdict-heading" }, text(holds ? "VerdictHolds" : "VerdictFails")),
    element("div", { class: "verdict-sentences" }, ...sentences.map((s) => element("p", {}, s))),
    element("p", { class: "verdict-plain" }, plain),
    element("p", { class: "meta" }, text("CheckedInBrowser")));
    document.getElementById("verdict-slot").replaceChildren(section);
    section.focus();
  }

  function showFormError(message) {
    const field = form.querySelector("#receipt");
    document.getElementById("receipt-error").textContent = message ?? "";
    if (message) field.setAttribute("aria-invalid", "true"); else field.removeAttribute("aria-invalid");
    const summary = message ? [element("div", { class: "error-summary", role: "alert", tabindex: "-1" }, element("p", {}, text("ErrorSummary")),
      element("ul", {}, element("li", {}, element("a", { href: "#receipt" }, message))))] : [];
    document.getElementById("form-errors").replaceChildren(...summary);
    if (message) document.getElementById("verdict-slot").replaceChildren();
    summary[0]?.focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const pasted = form.querySelector("#receipt").value, file = form.querySelector("#receipt-file").files[0];
    const keysField = form.querySelector("#keys"), content = form.querySelector("#content").value;
    const given = [pasted.trim() !== "", file !== undefined && file.size > 0];
    if (given[0] === given[1] || (given[1] && file.size > 1 << 20)) {
      showFormError(text(given[1] && file.size > 1 << 20 ? "ReceiptTooLarge" : given[0] ? "ReceiptTwice" : "ReceiptMissing"));
      return;
    }
    showFormError(null);
    const keyLines = (keysField.value.trim() ? keysField.value : keysField.defaultValue).split("\n").map((k) => k.trim()).filter((k) => k);
    try {
      show(true, "", await check(given[0] ? pasted : await file.text(), keyLines, content.trim() ? content : null));
    } catch (e) {
      if (e instanceof Failure) show(false, e.reason, { sentences: [say(e.reason, e.args)], plain: text("FailsPlain") });
      else {
        if (!(e instanceof Unsupported)) console.error(e);
        form.submit(); // this browser cannot check it: the server will
      }
    }
  });
})();
