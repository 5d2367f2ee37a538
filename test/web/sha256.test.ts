import { createHash } from 'node:crypto';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createHash as shimCreateHash } from '../../src/web/shims/node-crypto.js';
import { sha256 } from '../../src/web/shims/sha256.js';

describe('sha256 (the browser stand-in for node:crypto)', () => {
  it('gives the FIPS 180-4 example digests', () => {
    // FIPS 180-4 examples B.1 and B.2 (one block, and two blocks after padding).
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 300 })])('agrees with node:crypto on any text', (text) => {
    expect(sha256(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('agrees with node:crypto at every length around the padding boundaries', () => {
    for (let length = 0; length <= 130; length++) {
      const text = 'é'.repeat(length % 7) + 'x'.repeat(length);
      expect(sha256(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });

  it('refuses what the shim does not implement rather than hashing wrongly', () => {
    expect(() => shimCreateHash('md5')).toThrow(/only has sha256/);
    expect(shimCreateHash('sha256').update('abc').digest('hex')).toBe(sha256('abc'));
  });
});
