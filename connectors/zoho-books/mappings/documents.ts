/**
 * Zoho Books attachment (the entries of a transaction's `documents[]`, with the transaction they
 * belong to) → ledgerspec Document (`documents`). Uploads are `POST /<module>/{id}/attachment`
 * (`/expenses/{id}/receipt` for expense receipts), multipart/form-data: there is no JSON body, so the
 * write mapping describes the request (path and form part) for the connector to send.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { DocumentCreate } from '../../../generated/types/index.js';
import { amount, enumValue } from '../../lib/values.js';
import { zohoDateTime, zohoId, zohoText } from '../values.js';

/** One entry of `documents[]`, plus `transaction_id`/`transaction_type` of the record it is on. */
export interface ZohoBooksDocument {
  document_id: string | number;
  file_name?: string;
  /** The extension (`pdf`, `png`) on attachment lists; the MIME type on the document endpoint. */
  file_type?: string;
  file_size?: number;
  uploaded_on?: string;
  transaction_id?: string | number;
  transaction_type?: string;
  /** `GET /invoices/{invoice_id}/documents/{document_id}` names the record in the file's URL
   * (`…/invoices/982000000567114/documents/…`) instead of transaction_id/transaction_type. */
  document_url?: string;
  last_modified_time?: string;
}

type DocumentType = DocumentCreate['document_type'];

/** Zoho's transaction types (as in `transaction_type`) → the kind of record the file is on. */
const DOCUMENT_TYPE: Readonly<Record<string, DocumentType>> = {
  invoice: 'Invoice',
  bill: 'Bill',
  expense: 'Expense',
  creditnote: 'InvoiceCreditNote',
  credit_note: 'InvoiceCreditNote',
  vendor_credit: 'BillCreditNote',
  vendorcredit: 'BillCreditNote',
  purchaseorder: 'PurchaseOrder',
  purchase_order: 'PurchaseOrder',
  salesorder: 'SalesOrder',
  sales_order: 'SalesOrder',
  journal: 'JournalEntry',
};

/** The MIME types of the extensions Zoho accepts as attachments. */
const MIME_TYPE: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  txt: 'text/plain',
};

/** The module paths of Zoho's document URLs, as transaction types. */
const URL_MODULE: Readonly<Record<string, string>> = {
  invoices: 'invoice',
  bills: 'bill',
  expenses: 'expense',
  creditnotes: 'creditnote',
  vendorcredits: 'vendor_credit',
  purchaseorders: 'purchaseorder',
  salesorders: 'salesorder',
  journals: 'journal',
};

/** The record the file is on: transaction_id/transaction_type, else the module and ID in its URL. */
function owner(raw: ZohoBooksDocument): { id: string | null; type: string | null } {
  const match = /\/api\/v3\/([a-z]+)\/([^/]+)\/documents\//.exec(zohoText(raw.document_url) ?? '');
  return {
    id: zohoText(raw.transaction_id) ?? match?.[2] ?? null,
    type: zohoText(raw.transaction_type) ?? (match ? (URL_MODULE[match[1] as string] ?? match[1] ?? null) : null),
  };
}

export const read = mapRead<'documents', ZohoBooksDocument>({
  platform_id: (raw) => zohoId(raw.document_id),
  file_name: (raw) => zohoText(raw.file_name),
  // Attachment lists send the extension (`pdf`); the document endpoint sends the MIME type itself.
  file_type: (raw) => {
    const type = zohoText(raw.file_type)?.toLowerCase();
    if (type === undefined) return null;
    return type.includes('/') ? type : (MIME_TYPE[type] ?? null);
  },
  file_size: (raw) => amount(raw.file_size),
  document_type: (raw) => enumValue(DOCUMENT_TYPE, owner(raw).type, 'Unknown') ?? 'Unknown',
  document_type_id: (raw) => owner(raw).id,
  // ledgerspec's own cache state: a document just read from Zoho has not been downloaded yet.
  document_uploaded: () => false,
  download_url: () => null,
  // Attachments are not edited after upload, so the upload date is the last change.
  updated_at: (raw) => zohoDateTime(raw.last_modified_time ?? raw.uploaded_on),
});

/** A file part of the multipart form. */
export interface ZohoBooksFilePart {
  file_name?: string;
  content_type?: string;
  /** The file's bytes, base64-encoded; the connector decodes them into the part. */
  content_base64?: string;
}

/** The attachment upload: `POST /books/v3/<module>/<record_id>/<action>` (multipart/form-data),
 * with the file in the form part named like the action (`attachment`, or `receipt` on expenses). */
export interface ZohoBooksDocumentRequest {
  endpoint?: { module?: string; record_id?: string; action?: 'attachment' | 'receipt' };
  form?: { attachment?: ZohoBooksFilePart; receipt?: ZohoBooksFilePart };
}

/** The module path of each kind of record Zoho takes attachments on. Credit notes and vendor
 * credits have no attachment endpoint in Books v3: no module, so the connector refuses the upload. */
const MODULE: Partial<Record<DocumentType, string>> = {
  Invoice: 'invoices',
  Bill: 'bills',
  Expense: 'expenses',
  PurchaseOrder: 'purchaseorders',
  SalesOrder: 'salesorders',
  JournalEntry: 'journals',
};

/** Expense files are receipts, uploaded to `/receipt` in part `receipt`. */
function action(type: DocumentType): 'attachment' | 'receipt' {
  return type === 'Expense' ? 'receipt' : 'attachment';
}

/** Puts one property of the file into the form part the record's endpoint reads. */
function filePart(body: DocumentCreate, part: ZohoBooksFilePart): ZohoBooksDocumentRequest {
  return { form: { [action(body.document_type)]: part } };
}

export const write = mapWrite<'documents', ZohoBooksDocumentRequest>({
  document_type: (type) => {
    const module = MODULE[type];
    return module === undefined ? undefined : { endpoint: { module, action: action(type) } };
  },
  document_type_id: (id) => (id ? { endpoint: { record_id: id } } : undefined),
  file_name: (name, body) => (name ? filePart(body, { file_name: name }) : undefined),
  file_type: (type, body) => (type ? filePart(body, { content_type: type }) : undefined),
  base64_file: (content, body) => filePart(body, { content_base64: content }),
  file_size: notSupported('The size is that of the uploaded content; Zoho takes no size field.'),
});
