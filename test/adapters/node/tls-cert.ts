/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost, made with openssl when a test
 * file starts (scripts/setup/openssl.sh installs it). The key never leaves the temporary folder
 * and the test process; `cleanup()` removes the folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificate {
  key: Buffer;
  cert: Buffer;
  keyPath: string;
  certPath: string;
  cleanup(): void;
}

/** A fresh key and certificate, or `null` (with a warning) when openssl is missing. */
export function makeTestCertificate(): TestCertificate | null {
  const dir = mkdtempSync(join(tmpdir(), 'tsgi-tls-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  try {
    // P-256: generated in milliseconds, where RSA 2048 takes up to a second.
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', keyPath, '-out', certPath,
    ], { stdio: 'ignore' });
  } catch {
    console.warn('openssl is missing (scripts/setup/openssl.sh installs it): the TLS tests are skipped');
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    key: readFileSync(keyPath),
    cert: readFileSync(certPath),
    keyPath,
    certPath,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
