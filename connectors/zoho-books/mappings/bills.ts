/**
 * Zoho Books → ledgerspec Bill (`bills`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksBill {
  [field: string]: unknown;
}

export const read = mapRead<'bills', ZohoBooksBill>({
  account_id: todo(
    "The platform's ID for the account the bill is posted against (usually accounts payable), for platforms that record one on the bill itself.",
  ),
  amount_due: todo('What is still owed on the bill after payments and credits, as computed by the platform.'),
  contact_id: todo("The platform's ID for the vendor who issued the bill."),
  currency_id: todo("The platform's ID for the currency the bill is issued in."),
  currency_rate: todo("Rate between the bill's currency and the company's base currency."),
  document_number: todo("The bill's number or the vendor's reference, as printed on the bill."),
  due_date: todo('When payment of the bill is due, as an ISO 8601 timestamp.'),
  line_items: todo("The bill's lines (items or expense accounts, quantities, prices and tax)."),
  memo: todo('A free-text note on the bill.'),
  platform_id: todo("The accounting platform's ID for this bill."),
  posted_date: todo('When the bill was issued or posted to the books, as an ISO 8601 timestamp.'),
  purchase_order_ids: todo("The platform's IDs for the purchase orders this bill was raised against."),
  status: todo(
    "Where the bill stands: Draft (not yet approved), Submitted (approved and awaiting payment), PartiallyPaid, Paid, Overdue (past its due date and unpaid), Void, or Unknown when the platform's status does not map.",
  ),
  sub_total: todo("The total of the bill's lines before tax and discounts."),
  tax_amount: todo('The total tax on the bill.'),
  total_amount: todo("The bill's total, discounts and tax included, in its currency."),
  total_discount: todo('The total discount applied to the bill.'),
  updated_at: todo('When the bill was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksBillRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'bills', ZohoBooksBillRequest>({
  account_id: todo(
    "The platform's ID for the account the bill is posted against (usually accounts payable), for platforms that record one on the bill itself.",
  ),
  contact_id: todo("The platform's ID for the vendor who issued the bill."),
  currency_id: todo("The platform's ID for the currency the bill is issued in."),
  currency_rate: todo("Rate between the bill's currency and the company's base currency."),
  document_number: todo("The bill's number or the vendor's reference, as printed on the bill."),
  due_date: todo('When payment of the bill is due, as an ISO 8601 timestamp.'),
  line_items: todo("The bill's lines (items or expense accounts, quantities, prices and tax)."),
  memo: todo('A free-text note on the bill.'),
  posted_date: todo('When the bill was issued or posted to the books, as an ISO 8601 timestamp.'),
  purchase_order_ids: todo("The platform's IDs for the purchase orders this bill was raised against."),
  status: todo(
    "Where the bill stands: Draft (not yet approved), Submitted (approved and awaiting payment), PartiallyPaid, Paid, Overdue (past its due date and unpaid), Void, or Unknown when the platform's status does not map.",
  ),
  sub_total: todo("The total of the bill's lines before tax and discounts."),
  tax_amount: todo('The total tax on the bill.'),
  total_amount: todo("The bill's total, discounts and tax included, in its currency."),
  total_discount: todo('The total discount applied to the bill.'),
});
