import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const keyLength = 32;
const cost = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash`, base64url parts, so the cost can rise without breaking stored hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, keyLength, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

type StoredHash = { salt: Buffer; expected: Buffer; options: ScryptOptions };

function parseStoredHash(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash || rest.length > 0) return undefined;
  const expected = Buffer.from(hash, "base64url");
  if (expected.length < 16) return undefined;
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: cost.maxmem };
  return { salt: Buffer.from(salt, "base64url"), expected, options };
}

/** Stands in for a hash no password matches (an unknown user, an account that cannot sign in). */
const decoy: StoredHash = { salt: Buffer.alloc(16), expected: Buffer.alloc(keyLength), options: cost };

/**
 * Whether `password` matches `stored`. Every path costs one scrypt at the stored or the current cost: an
 * unknown user, an account that cannot sign in and a malformed hash answer false as slowly as a wrong
 * password, so timing does not tell them apart.
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parsed = stored === undefined ? undefined : parseStoredHash(stored);
  const { salt, expected, options } = parsed ?? decoy;
  const key = await derive(password, salt, expected.length, options).catch(() =>
    derive(password, decoy.salt, keyLength, cost).then(() => undefined),
  );
  return parsed !== undefined && key !== undefined && timingSafeEqual(key, expected);
}
