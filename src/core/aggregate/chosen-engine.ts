import type { Design } from '../design.js';
import { aggregateSupport } from './aggregate-support.js';

/**
 * The engine that simulates a design: `simulation.engine` 'person' or 'aggregate' as asked, and
 * for 'auto' (the default, also when the field is absent) the aggregated engine wherever it is
 * exact (`aggregateSupport`), the per-person engine otherwise.
 *
 * @example chosenEngine(REF with engine 'auto') → 'aggregate'; chosenEngine(MK) → 'person'
 * @throws Error naming the reason when 'aggregate' is asked for a design it cannot simulate exactly
 */
export function chosenEngine(design: Design): 'person' | 'aggregate' {
  const asked = design.simulation.engine ?? 'auto';
  if (asked === 'person') return 'person';
  const support = aggregateSupport(design);
  if (support.ok) return 'aggregate';
  if (asked === 'aggregate') {
    throw new Error(
      `the aggregate engine cannot simulate this design exactly: ${support.reason} (use engine person or auto)`,
    );
  }
  return 'person';
}
