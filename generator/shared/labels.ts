import { camelCase, capitalCase, noCase, pascalCase } from 'change-case';

/** Human and code names of a resource, all derived from its `x-entity` and `title`, so every
 * emitter and the scaffolder spell a resource the same way. */
export interface ResourceLabels {
  entity: string;
  title: string;
  /** `Invoice Payments`: tag names and headings. */
  pluralHeading: string;
  /** `invoice payments` / `invoice payment`: prose. */
  plural: string;
  singular: string;
  /** `an invoice payment`. */
  withArticle: string;
  /** `invoicePayments`: client resource names. */
  camelPlural: string;
}

export function resourceLabels(entity: string, title: string): ResourceLabels {
  const singular = noCase(title);
  return {
    entity,
    title,
    pluralHeading: capitalCase(entity),
    plural: noCase(entity),
    singular,
    withArticle: `${/^[aeiou]/.test(singular) ? 'an' : 'a'} ${singular}`,
    camelPlural: camelCase(entity),
  };
}

/** operationIds follow one rule: `list` + plural for lists; the operation kind (or action
 * name) + singular title for everything else: listInvoicePayments, getInvoicePayment,
 * cancelSync. The linter checks the spec against this same function. */
export function operationIdFor(kind: string, labels: Pick<ResourceLabels, 'entity' | 'title'>): string {
  return kind === 'list' ? `list${pascalCase(labels.entity)}` : `${camelCase(kind)}${labels.title}`;
}
