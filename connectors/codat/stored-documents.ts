/** What Codat stores for an attachment upload (`POST …/push/{dataType}/{recordId}/attachment`,
 * bills `…/attachments`): the Attachment its list endpoint returns afterwards, with the record the
 * upload named as `attachedTo` (see mappings/documents.ts). */
import type { StoreContext } from '../../generated/connectors/index.js';
import type { CodatAttachment, CodatAttachmentRequest } from './mappings/documents.js';

/** The size in bytes of base64-encoded content. */
function decodedSize(base64: string | undefined): number | null {
  if (base64 === undefined) return null;
  const clean = base64.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}

export function storedAttachment(request: CodatAttachmentRequest, context: StoreContext): CodatAttachment {
  return {
    id: context.platformId,
    name: request.file?.fileName ?? null,
    contentType: request.file?.contentType ?? null,
    fileSize: decodedSize(request.file?.contentBase64),
    dateCreated: context.now,
    includeWhenSent: false,
    modifiedDate: context.now,
    sourceModifiedDate: context.now,
    attachedTo: { dataType: request.endpoint?.dataType ?? null, id: request.endpoint?.recordId ?? null },
  };
}
