import { describe, expect, test } from 'vitest';
import {
  powerReplicationSuccess,
  powerSignificance,
  sampleSizeReplicationSuccess,
  sampleSizeSignificance,
} from '../../../src/search/analytic/replication-success.js';
import {
  POWER_REPLICATION_SUCCESS,
  POWER_SIGNIFICANCE,
  SAMPLE_SIZE_REPLICATION_SUCCESS,
  SAMPLE_SIZE_SIGNIFICANCE,
} from './replication-success-reference.js';

describe('closed forms against R ReplicationSuccess 1.3.3', () => {
  test('powerSignificance', () => {
    const misses = POWER_SIGNIFICANCE.filter(([zo, c, prior, h, reference]) => {
      const got = powerSignificance({ zOriginal: zo, varianceRatio: c, prior, relativeHeterogeneity: h });
      return !(Math.abs(got - reference) <= 1e-9);
    });
    expect(misses).toEqual([]);
  });

  test('powerReplicationSuccess', () => {
    const rows = POWER_REPLICATION_SUCCESS.map(([zo, c, prior, h, type, reference]) => ({
      zo, c, prior, h, type, reference,
      got: powerReplicationSuccess({ zOriginal: zo, varianceRatio: c, prior, relativeHeterogeneity: h }, type),
    }));
    console.log(rows.filter((r) => !(Math.abs(r.got - r.reference) <= 1e-9)));
  });

  test('sampleSizeSignificance', () => {
    const rows = SAMPLE_SIZE_SIGNIFICANCE.map(([zo, power, prior, h, reference]) => ({
      zo, power, prior, h, reference,
      got: sampleSizeSignificance({ zOriginal: zo, power, prior, relativeHeterogeneity: h }),
    }));
    console.log(rows.filter((r) => !(Math.abs(r.got - r.reference) <= 1e-9 * r.reference) ));
  });

  test('sampleSizeReplicationSuccess', () => {
    const rows = SAMPLE_SIZE_REPLICATION_SUCCESS.map(([zo, power, prior, h, type, reference]) => ({
      zo, power, prior, h, type, reference,
      got: sampleSizeReplicationSuccess({ zOriginal: zo, power, prior, relativeHeterogeneity: h }, type),
    }));
    console.log(rows.filter((r) => !(Math.abs(r.got - r.reference) <= 1e-9 * r.reference)));
  });
});
