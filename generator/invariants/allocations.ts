import { agrees, amount, escape, records, show, sum, tolerance, within } from './amounts.ts';
import type { DeclaredKind, InvariantFinding } from './model.ts';

export interface Allocations {
  allocations: string;
  amount: string;
  total: string;
  links?: string;
  link_amount?: string;
  link_rate?: string;
  tolerance?: number;
}

/** The link type that explains the part of a payment applied to no document. */
export const ON_ACCOUNT_LINK = 'PaymentOnAccount';

/**
 * `allocations`: a payment's allocations add up to its amount. Nothing is left unexplained: the
 * part of a payment applied to no document (unapplied, a prepayment, a retainer, an overpayment)
 * is an allocation of its own whose link is of type PaymentOnAccount, so a shortfall is as wrong
 * as an excess. With `links`, each allocation's links offset it: Σ link amount × link rate =
 * −allocation amount (a link's amount is in the linked document's currency, negative when it
 * reduces what is owed; its rate converts to the payment's currency, null meaning 1). Does not
 * apply when there are no allocations (the platform reports none), the total is null, or an
 * allocation's amount is null; the links check skips an allocation with a null link amount.
 */
export const allocations: DeclaredKind<Allocations> = {
  summary:
    'the allocations add up to the payment amount (the unapplied part included, as a PaymentOnAccount allocation)',
  params: {
    allocations: { type: 'field', shape: 'array', description: 'the allocation lines' },
    amount: { type: 'field', shape: 'number', within: 'allocations', description: "an allocation's amount" },
    total: { type: 'field', shape: 'number', description: 'the payment amount' },
    links: {
      type: 'field',
      shape: 'array',
      within: 'allocations',
      optional: true,
      description: "an allocation's links",
    },
    link_amount: { type: 'field', shape: 'number', within: 'links', optional: true, description: "a link's amount" },
    link_rate: {
      type: 'field',
      shape: 'number',
      within: 'links',
      optional: true,
      description: "a link's currency rate to the payment's currency",
    },
    tolerance: { type: 'number', optional: true, description: 'rounding allowed per amount (default 0.01)' },
  },
  check: (declaration, record) => {
    const lines = records(record[declaration.allocations]);
    const total = amount(record[declaration.total]);
    if (!lines || lines.length === 0) return [];
    const amounts = lines.map((line) => amount(line[declaration.amount]));
    const findings: InvariantFinding[] = [];
    if (total !== undefined && amounts.every((value) => value !== undefined)) {
      const allocated = sum(amounts as number[]);
      const allowed = tolerance(lines.length, declaration.tolerance);
      if (!agrees(allocated, total, allowed)) {
        const what =
          allocated > total
            ? `more than the ${declaration.total} ${show(total)}`
            : `${show(total - allocated)} short of the ${declaration.total} ${show(total)}, and an unapplied part must be an allocation linked to ${ON_ACCOUNT_LINK}`;
        findings.push({
          kind: 'allocations',
          pointer: `/${escape(declaration.allocations)}`,
          message: `the ${lines.length} ${declaration.allocations} add up to ${show(allocated)}, ${what}`,
          expected: within(total, allowed),
          found: show(allocated),
        });
      }
    }
    if (declaration.links && declaration.link_amount)
      findings.push(...lines.flatMap((line, index) => offsets(line, index, declaration)));
    return findings;
  },
};

/** An allocation whose links do not offset its amount. */
function offsets(line: Record<string, unknown>, index: number, declaration: Allocations): InvariantFinding[] {
  const links = records(line[declaration.links ?? '']);
  const allocated = amount(line[declaration.amount]);
  if (!links || links.length === 0 || allocated === undefined) return [];
  const converted = links.map((link) => {
    const value = amount(link[declaration.link_amount ?? '']);
    const rate = declaration.link_rate ? (amount(link[declaration.link_rate]) ?? 1) : 1;
    return value === undefined ? undefined : value * rate;
  });
  if (converted.some((value) => value === undefined)) return [];
  const linked = sum(converted as number[]);
  const allowed = tolerance(links.length, declaration.tolerance);
  if (agrees(linked, -allocated, allowed)) return [];
  const rate = declaration.link_rate ? ` × ${declaration.link_rate}` : '';
  return [
    {
      kind: 'allocations',
      pointer: `/${escape(declaration.allocations)}/${index}/${escape(declaration.links ?? '')}`,
      message: `the ${declaration.links} of allocation ${index} do not offset its ${declaration.amount} ${show(allocated)}: Σ ${declaration.link_amount}${rate} must be its negative`,
      expected: within(-allocated, allowed),
      found: show(linked),
    },
  ];
}
