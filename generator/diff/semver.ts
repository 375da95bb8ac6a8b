import semver from 'semver';
import type { Bump, Change, SemverSuggestion } from './model.ts';

/** The smallest release that tells SDK users the truth: major for any breaking change, minor for
 * anything that adds or may affect them (new operations, fields, enum values; potentially
 * breaking changes), patch when only documentation changed, none when nothing did. Accepted
 * breaking changes still need a major: acknowledging a break does not make it compatible.
 *
 * 0.x: semver promises nothing below 1.0, and the usual convention (npm's caret ranges follow
 * it) shifts everything one place right: breaking → minor (0.3.1 → 0.4.0), additions → patch. */
export function suggestBump(changes: Change[], baseVersion?: string, headVersion?: string): SemverSuggestion {
  const bump = bumpFor(changes);
  const base = baseVersion === undefined ? {} : { base: baseVersion };
  const head = headVersion === undefined ? {} : { head: headVersion };
  const parsed = baseVersion === undefined ? null : semver.parse(baseVersion);
  if (!parsed || bump === 'none')
    return { bump, ...base, ...head, ...(parsed && bump === 'none' ? { next: parsed.version } : {}) };
  const zero = parsed.major === 0;
  const effective: Exclude<Bump, 'none'> = zero ? (bump === 'major' ? 'minor' : 'patch') : bump;
  const next = semver.inc(parsed, effective) ?? undefined;
  const satisfies = next && headVersion && semver.valid(headVersion) ? semver.gte(headVersion, next) : undefined;
  return {
    bump,
    ...base,
    ...head,
    ...(next ? { next } : {}),
    ...(satisfies === undefined ? {} : { headSatisfies: satisfies }),
    ...(zero && bump !== 'patch' ? { note: `0.x: a ${bump} change is released as a ${effective} bump` } : {}),
  };
}

function bumpFor(changes: Change[]): Bump {
  if (changes.some((c) => c.level === 'breaking')) return 'major';
  if (changes.some((c) => c.id !== 'documentation-changed')) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}
