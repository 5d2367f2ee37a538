import { describe, expect, it } from 'vitest';
import { retrodesign } from '../../../src/search/analytic/retrodesign.js';

describe('retrodesign (Gelman & Carlin type S / type M)', () => {
  it('reproduces Gelman & Carlin: A 1, s 3.3 → power 0.0606, typeS 0.195, exaggeration 7.80', () => {
    const result = retrodesign({ effect: 1, standardError: 3.3 });
    expect(result.power).toBeCloseTo(0.0606, 4);
    expect(result.typeS).toBeCloseTo(0.195, 3);
    expect(result.exaggeration).toBeCloseTo(7.8, 1);
  });

  it('reproduces Gelman & Carlin: A 3, s 3.3 → power 0.1487, typeS 0.0138, exaggeration 2.72', () => {
    const result = retrodesign({ effect: 3, standardError: 3.3 });
    expect(result.power).toBeCloseTo(0.1487, 4);
    expect(result.typeS).toBeCloseTo(0.0138, 4);
    expect(result.exaggeration).toBeCloseTo(2.72, 2);
  });

  it('does not depend on the sign of the effect', () => {
    expect(retrodesign({ effect: -3, standardError: 3.3 })).toEqual(retrodesign({ effect: 3, standardError: 3.3 }));
  });

  it('agrees with numerical integration of the truncated normal at α 0.1', () => {
    // SciPy: A=.4; s=.25; c=norm.ppf(.95)*s; power = norm.sf(c,A,s)+norm.cdf(-c,A,s) = 0.482700;
    // typeS = norm.cdf(-c,A,s)/power = 0.0012172; exaggeration = (quad(|x|·norm.pdf(x,A,s)) over
    // x > c and x < −c)/(power·A) = 1.516269
    const result = retrodesign({ effect: 0.4, standardError: 0.25, alpha: 0.1 });
    expect(result.power).toBeCloseTo(0.4827, 4);
    expect(result.typeS).toBeCloseTo(0.0012172, 6);
    expect(result.exaggeration).toBeCloseTo(1.516269, 5);
  });
});
