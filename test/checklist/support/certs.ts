/**
 * Test certificates, generated at test time with the openssl CLI in a temporary directory
 * (never committed): a test CA, a valid leaf for localhost/127.0.0.1 signed by it, an expired
 * leaf signed by it, and a self-signed certificate no one trusts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestCertificates {
  caPem: string;
  valid: { key: string; cert: string };
  expired: { key: string; cert: string };
  selfSigned: { key: string; cert: string };
  cleanup(): void;
}

const CA_CONFIG = `[ ca ]
default_ca = test
[ test ]
database = db/index.txt
new_certs_dir = db
serial = db/serial
default_md = sha256
policy = any
copy_extensions = none
x509_extensions = leaf
unique_subject = no
[ any ]
commonName = supplied
[ leaf ]
subjectAltName = DNS:localhost,IP:127.0.0.1
basicConstraints = CA:FALSE
`;

export function generateTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), "rassure-certs-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
  const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
  mkdirSync(path.join(dir, "db"));
  writeFileSync(path.join(dir, "db/index.txt"), "");
  writeFileSync(path.join(dir, "db/serial"), "01\n");
  writeFileSync(path.join(dir, "ca.cnf"), CA_CONFIG);
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "30", "-subj", "/CN=Rassure Test CA");
  run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost");
  run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "leaf.csr", "-out", "valid.pem", "-days", "90", "-notext");
  run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", "leaf.csr", "-out", "expired.pem", "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", "-notext");
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "self.key", "-out", "self.pem", "-days", "30", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
  const certificates = {
    caPem: read("ca.pem"),
    valid: { key: read("leaf.key"), cert: read("valid.pem") },
    expired: { key: read("leaf.key"), cert: read("expired.pem") },
    selfSigned: { key: read("self.key"), cert: read("self.pem") },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  return certificates;
}
