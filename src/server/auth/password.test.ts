import { scrypt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { noLoginHash } from "../demo/demo-world";
import { hashPassword, verifyPassword, type Kdf } from "./password";

const stored = await hashPassword("right");

/** The keys a check derived, with their cost, through the real scrypt. */
async function countedWork(check: (kdf: Kdf) => Promise<boolean>) {
  const work: { N?: number; r?: number; p?: number; length: number }[] = [];
  const kdf: Kdf = (password, salt, length, options) => {
    work.push({ N: options.N, r: options.r, p: options.p, length });
    return new Promise((resolve, reject) => {
      scrypt(password, salt, length, options, (error, key) => {
        if (error) reject(error);
        else resolve(key);
      });
    });
  };
  expect(await check(kdf)).toBe(false);
  return work;
}

describe("verifyPassword", () => {
  it("takes the right password and refuses a wrong one", async () => {
    expect(await verifyPassword("right", stored)).toBe(true);
    expect(await verifyPassword("wrong", stored)).toBe(false);
  });

  const noMatch: [string, string | undefined][] = [
    ["an unknown user", undefined],
    ["an account that cannot sign in", noLoginHash],
    ["a hash with an empty key", "scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$"],
    ["a hash with a key too short to mean anything", "scrypt$16384$8$1$c2FsdA$AAAA"],
    [
      "a hash with impossible parameters",
      "scrypt$3$8$1$c2FsdHNhbHRzYWx0c2FsdA$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYWx0c2FsdA",
    ],
    ["a hash with extra parts", `${stored}$extra`],
  ];

  it.each(noMatch)("refuses every password for %s", async (_, hash) => {
    for (const password of ["right", "", "!no-login"])
      expect(await verifyPassword(password, hash)).toBe(false);
  });

  // Timing told the accounts that cannot sign in (5 ms) from the rest (50 ms): now every path derives one key
  // at a real cost. Counted rather than timed, so a busy machine cannot make the test pass or fail.
  it.each(noMatch)("refuses %s after the same work as a wrong password", async (_, hash) => {
    const wrong = await countedWork((kdf) => verifyPassword("wrong", stored, kdf));
    const other = await countedWork((kdf) => verifyPassword("wrong", hash, kdf));
    expect(other).toEqual(wrong);
    expect(other).toEqual([{ N: 16384, r: 8, p: 1, length: 32 }]);
  });
});
