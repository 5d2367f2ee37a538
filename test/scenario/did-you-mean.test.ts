/**
 * Edit distance and the did-you-mean suggestions built on it.
 */
import { describe, expect, test } from 'vitest';
import { closestWord, editDistance, suggestWord } from '../../src/scenario/did-you-mean.js';

describe('editDistance', () => {
  test('matches textbook distances', () => {
    // Levenshtein's classic: kitten → sitting is 3 (two substitutions, one insertion).
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    // An adjacent swap counts once (optimal string alignment), e.g. "ca" → "ac".
    expect(editDistance('ca', 'ac')).toBe(1);
    // OSA, unlike true Damerau–Levenshtein, does not edit a swapped pair again: "ca" → "abc" is 3.
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  test('is symmetric', () => {
    for (const [a, b] of [
      ['ratePerYear', 'raetPerYr'],
      ['youth', 'adult'],
      ['x', ''],
    ])
      expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe('closestWord and suggestWord', () => {
  test('suggest near misses, including case slips', () => {
    expect(closestWord('raetPerYear', ['ratePerYear', 'label'])).toBe('ratePerYear');
    expect(closestWord('rateperyear', ['ratePerYear'])).toBe('ratePerYear');
    expect(closestWord('simulaton', ['simulation', 'analysis'])).toBe('simulation');
  });

  test('do not suggest a word that is far away; list the known words instead', () => {
    expect(closestWord('colour', ['ratePerYear', 'label'])).toBeNull();
    expect(suggestWord('colour', ['id', 'share'], 'keys')).toBe('known keys: id, share');
    expect(suggestWord('yuoth', ['youth', 'adult'], 'groups')).toBe('did you mean "youth"?');
  });
});
