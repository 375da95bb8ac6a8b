/**
 * Xero → ledgerspec BillCreditNote (`bill_credit_notes`): Xero's CreditNote with
 * `Type: ACCPAYCREDIT` (a credit from a supplier). `/CreditNotes` also lists sales credit notes
 * (ACCRECCREDIT, invoice_credit_notes): those are left out here with the reason.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import {
  allocatedDocuments,
  COMPUTED,
  creditNoteLines,
  creditNoteRead,
  creditNoteWrite,
  NOT_ALLOCATED_ON_CREATE,
  otherCreditNotes,
  type XeroCreditNote,
  type XeroCreditNoteRequest,
} from '../credit_notes.js';

const NO_MEMO =
  'Xero\'s CreditNote Reference is for sales credit notes only ("ACCRECCREDIT only"); a purchase credit note\'s reference is its CreditNoteNumber (document_number).';

export const read = mapRead<'bill_credit_notes', XeroCreditNote>(
  {
    platform_id: creditNoteRead.platform_id,
    contact_id: creditNoteRead.contact_id,
    currency_id: creditNoteRead.currency_id,
    // The bills the credit is allocated to (Xero's Allocations name them as Invoice summaries).
    bill_ids: (raw) => allocatedDocuments(raw),
    // On ACCPAYCREDIT, CreditNoteNumber holds the supplier's credit note number (not unique).
    document_number: creditNoteRead.document_number,
    posted_date: creditNoteRead.posted_date,
    status: creditNoteRead.status,
    tax_amount: creditNoteRead.tax_amount,
    total_amount: creditNoteRead.total_amount,
    remaining_credit: creditNoteRead.remaining_credit,
    memo: notSupported(NO_MEMO),
    line_items: (raw, context) => creditNoteLines(raw, 'BillCreditNote', context),
    updated_at: creditNoteRead.updated_at,
  },
  { skip: otherCreditNotes('ACCPAYCREDIT') },
);

const write_ = creditNoteWrite('ACCPAYCREDIT');

export const write = mapWrite<'bill_credit_notes', XeroCreditNoteRequest>({
  contact_id: write_.contact_id,
  currency_id: write_.currency_id,
  bill_ids: notSupported(NOT_ALLOCATED_ON_CREATE),
  document_number: write_.document_number,
  posted_date: write_.posted_date,
  status: write_.status,
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: notSupported(NO_MEMO),
  line_items: write_.line_items,
});
