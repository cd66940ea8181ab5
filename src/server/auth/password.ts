import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const keyLength = 32;
const cost = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;

/** Derives a key; `verifyPassword` takes another only so a test can count the work done. */
export type Kdf = (password: string, salt: Buffer, length: number, options: ScryptOptions) => Promise<Buffer>;

const derive: Kdf = (password, salt, length, options) => {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
};

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
  const [N, blockSize, parallel] = [Number(n), Number(r), Number(p)];
  const usable =
    expected.length >= 16 &&
    [N, blockSize, parallel].every((value) => Number.isSafeInteger(value) && value > 0) &&
    N > 1 &&
    Number.isInteger(Math.log2(N)) &&
    128 * N * blockSize * parallel <= cost.maxmem;
  if (!usable) return undefined;
  const options = { N, r: blockSize, p: parallel, maxmem: cost.maxmem };
  return { salt: Buffer.from(salt, "base64url"), expected, options };
}

/** Stands in for a hash no password matches (an unknown user, an account that cannot sign in). */
const decoy: StoredHash = { salt: Buffer.alloc(16), expected: Buffer.alloc(keyLength), options: cost };

/**
 * Whether `password` matches `stored`. Every path costs one scrypt at the stored or the current cost: an
 * unknown user, an account that cannot sign in and a malformed hash answer false as slowly as a wrong
 * password, so timing does not tell them apart.
 */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
  kdf: Kdf = derive,
): Promise<boolean> {
  const parsed = stored === undefined ? undefined : parseStoredHash(stored);
  const { salt, expected, options } = parsed ?? decoy;
  const key = await kdf(password, salt, expected.length, options);
  return parsed !== undefined && timingSafeEqual(key, expected);
}
