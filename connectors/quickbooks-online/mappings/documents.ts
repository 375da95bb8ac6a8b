/**
 * QuickBooks Online → ledgerspec Document (`documents`).
 *
 * QBO `Attachable` (`/v3/company/{realmId}/attachable/{id}`; also inside the upload answer,
 * `AttachableResponse[].Attachable`): a file in the company's attachment list, or a note, linked to
 * the records named in `AttachableRef[].EntityRef` (`{type: "Invoice", value: "95"}`). A note without
 * a file (no FileName) is no document and is left out. The owning record is the first AttachableRef:
 * an attachable linked to several records is one file in QBO and one document here.
 *
 * Files are uploaded with `POST /v3/company/{realmId}/upload`, a multipart/form-data request whose
 * part `file_metadata_0` is the Attachable's JSON (FileName, ContentType, AttachableRef) and part
 * `file_content_0` the file's bytes. There is no JSON body, so the write mapping describes the two
 * parts for the connector to send. (`POST /attachable` with JSON creates a note or changes the
 * metadata of an uploaded file; it cannot carry the file.)
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { DocumentCreate } from '../../../generated/types/index.js';
import { amount, enumValue, text } from '../../lib/values.js';
import { lastUpdated, qboId, type QboEntity } from '../values.js';

/** `AttachableRef[]`: a record the file is linked to. */
export interface QboAttachableRef {
  EntityRef?: { type?: string; value?: string; name?: string };
  IncludeOnSend?: boolean | string;
  LineInfo?: string;
}

/** The QBO Attachable as its API returns it. */
export interface QuickBooksOnlineAttachable extends QboEntity {
  FileName?: string;
  Note?: string;
  Category?: string;
  ContentType?: string;
  Size?: number;
  FileAccessUri?: string;
  TempDownloadUri?: string;
  ThumbnailFileAccessUri?: string;
  AttachableRef?: QboAttachableRef[];
}

type DocumentType = DocumentCreate['document_type'];

/** QBO entity types (EntityRef.type, compared without case: the reference writes "Invoice", its
 * query example 'purchase') → the kind of record the file is on. A Purchase is the unified expense;
 * estimates, sales receipts, deposits, items, customers and the like have no unified kind. */
const DOCUMENT_TYPE: Readonly<Record<string, DocumentType>> = {
  invoice: 'Invoice',
  bill: 'Bill',
  purchase: 'Expense',
  vendorcredit: 'BillCreditNote',
  creditmemo: 'InvoiceCreditNote',
  purchaseorder: 'PurchaseOrder',
  journalentry: 'JournalEntry',
};

/** The unified kinds QBO takes attachments on, as EntityRef types. QBO has no sales orders. */
const ENTITY_TYPE: Partial<Record<DocumentType, string>> = {
  Invoice: 'Invoice',
  Bill: 'Bill',
  Expense: 'Purchase',
  BillCreditNote: 'VendorCredit',
  InvoiceCreditNote: 'CreditMemo',
  PurchaseOrder: 'PurchaseOrder',
  JournalEntry: 'JournalEntry',
};

/** The record the file is on: the first AttachableRef. */
const owner = (raw: QuickBooksOnlineAttachable) => raw.AttachableRef?.[0]?.EntityRef;

export const read = mapRead<'documents', QuickBooksOnlineAttachable>(
  {
    platform_id: qboId,
    file_name: (raw) => text(raw.FileName),
    // QBO answers with the MIME type it detected (image/jpeg for an upload declared image/jpg).
    file_type: (raw) => text(raw.ContentType),
    file_size: (raw) => amount(raw.Size),
    document_type: (raw) => enumValue(DOCUMENT_TYPE, text(owner(raw)?.type)?.toLowerCase(), 'Unknown') ?? 'Unknown',
    document_type_id: (raw) => text(owner(raw)?.value),
    // ledgerspec's own cache state: a document just read from QBO has not been downloaded yet (QBO's
    // TempDownloadUri is QBO's link, valid for 15 minutes, and stays in raw_data).
    document_uploaded: () => false,
    download_url: () => null,
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      text(raw.FileName) === null
        ? raw.status === 'Deleted'
          ? 'deleted on QuickBooks Online'
          : 'a note without a file (QBO keeps notes as attachables too)'
        : undefined,
  },
);

/** The file part of the upload: its bytes, base64-encoded (the connector decodes them into the
 * part), with the part's file name and content type. */
export interface QboFileContentPart {
  file_name?: string;
  content_type?: string;
  content_base64?: string;
}

/** `POST /v3/company/{realmId}/upload` (multipart/form-data): the Attachable metadata part and the
 * file part, named as Intuit's reference names them. */
export interface QuickBooksOnlineDocumentRequest {
  file_metadata_0?: { FileName?: string; ContentType?: string; AttachableRef?: QboAttachableRef[] };
  file_content_0?: QboFileContentPart;
}

export const write = mapWrite<'documents', QuickBooksOnlineDocumentRequest>({
  file_name: (name) =>
    name ? { file_metadata_0: { FileName: name }, file_content_0: { file_name: name } } : undefined,
  file_type: (type) =>
    type ? { file_metadata_0: { ContentType: type }, file_content_0: { content_type: type } } : undefined,
  // The link is written whole with the record's id (below); here only the kind is checked.
  document_type: (type) => {
    if (!ENTITY_TYPE[type]) throw new Error(`QBO takes no attachments on a ${type} record`);
    return undefined;
  },
  document_type_id: (id, body) => {
    const type = ENTITY_TYPE[body.document_type];
    return id && type ? { file_metadata_0: { AttachableRef: [{ EntityRef: { type, value: id } }] } } : undefined;
  },
  base64_file: (content) => ({ file_content_0: { content_base64: content } }),
  file_size: notSupported('QBO measures the uploaded content itself: Size is read-only.'),
});
