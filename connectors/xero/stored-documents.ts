/**
 * What Xero returns on read after accepting an attachment upload (`PUT /<Collection>/{id}/
 * Attachments/{FileName}`): the Attachment its response lists, as `GET …/Attachments` lists it
 * afterwards (the xero-python recording shows both the same).
 */
import type { StoreContext } from '../../generated/connectors/index.js';
import type { XeroAttachment, XeroAttachmentRequest } from './mappings/documents.js';

/**
 * The type Xero gives an attachment, from its file name's extension: application/pdf for the
 * recorded PDF upload; image/jpg (sic) and image/png as its documented attachment lists show them.
 */
const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
};

/** The size in bytes of base64-encoded content. */
function decodedLength(content: string): number {
  const padding = content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0;
  return Math.floor((content.length * 3) / 4) - padding;
}

export function storedAttachment(request: XeroAttachmentRequest, { platformId }: StoreContext): XeroAttachment {
  const { collection, record_id: recordId, file_name: fileName } = request.endpoint ?? {};
  return {
    AttachmentID: platformId,
    FileName: fileName,
    // Xero's Url names the record by collection and ID, the file name URL-encoded
    // (`Screen%20Shot%202019-03-04%20at%209.00.06%20AM.png`).
    Url:
      collection && recordId && fileName
        ? `https://api.xero.com/api.xro/2.0/${collection}/${recordId}/Attachments/${encodeURIComponent(fileName)}`
        : undefined,
    MimeType: MIME_TYPES[/\.([^.]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase() ?? ''],
    ContentLength: decodedLength(request.content_base64 ?? ''),
  };
}
