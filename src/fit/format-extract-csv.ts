import type { Extract } from '../scenario/extract.js';
import { DAYS_PER_YEAR } from '../scenario/extract.js';

/**
 * Writes an extract as the CSV `trialsim fit` reads: id, group, days at risk in each window, then
 * per count outcome its prior count, its counts in the last months of the prior window (one
 * `OUTCOME_prior_<months>m` column per eligibility window) and its follow-up count, then the
 * severities of each follow-up event (`harm_followup_events`, separated by ";").
 * Per-event severities are given in the order drawn; days keep two decimals.
 *
 * @example one person of group youth with 1 prior and 0 follow-up knife offences, full windows →
 *   "id,group,exposure_prior_days,exposure_followup_days,knife_prior,knife_followup\np000001,youth,730.5,365.25,1,0\n"
 */
export function formatExtractCsv(extract: Extract): string {
  const header = ['id', 'group'];
  if (extract.priorYears !== null) header.push('exposure_prior_days');
  header.push('exposure_followup_days');
  const recentMonths = extract.outcomes.map((id) =>
    Object.keys(extract.recentPriorCounts[id] ?? {})
      .map(Number)
      .sort((a, b) => a - b),
  );
  extract.outcomes.forEach((id, k) => {
    if (extract.priorCounts !== null) header.push(`${id}_prior`);
    for (const months of recentMonths[k]) header.push(`${id}_prior_${months}m`);
    header.push(`${id}_followup`);
  });
  const severities = extract.severities;
  const harmFrom = severities === null ? -1 : extract.outcomes.indexOf(severities.from);
  if (severities !== null) header.push('harm_followup_events');
  const lines = [header.join(',')];
  const digits = String(extract.people).length;
  let next = 0;
  for (let i = 0; i < extract.people; i++) {
    const cells = [`p${String(i + 1).padStart(Math.max(6, digits), '0')}`, extract.groups[extract.group[i]].label];
    if (extract.priorYears !== null) cells.push(days(extract.priorYears[i]));
    cells.push(days(extract.followUpYears[i]));
    extract.outcomes.forEach((id, k) => {
      if (extract.priorCounts !== null) cells.push(String(extract.priorCounts[k][i]));
      for (const months of recentMonths[k]) cells.push(String(extract.recentPriorCounts[id][months][i]));
      cells.push(String(extract.followUpCounts[k][i]));
    });
    if (severities !== null) {
      const events = extract.followUpCounts[harmFrom][i];
      cells.push(Array.from(severities.values.subarray(next, next + events), String).join(';'));
      next += events;
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function days(years: number): string {
  return String(Math.round(years * DAYS_PER_YEAR * 100) / 100);
}
