import { getCsrfToken } from '../../api/client.js';
import type { components } from '../../api/schema.js';

type Evidence = components['schemas']['Evidence'];

interface ProblemBody {
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

function uploadError(status: number, body: ProblemBody | null): Error {
  const detail =
    body?.detail ??
    (status === 413 ? 'The file is larger than the server accepts.' : `Upload failed (${status})`);
  return Object.assign(new Error(detail), { status, errors: body?.errors });
}

/**
 * Posts a file version as multipart/form-data. XMLHttpRequest rather than fetch because only it reports
 * upload progress. Form fields go before the file part: the API reads them from the file part's fields.
 */
export function uploadEvidenceFile(
  evidenceId: string,
  file: File,
  fields: { validUntil?: string },
  onProgress: (percent: number) => void,
): Promise<Evidence> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/evidence/${encodeURIComponent(evidenceId)}/versions`);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as Evidence);
      else reject(uploadError(xhr.status, xhr.response as ProblemBody | null));
    };
    xhr.onerror = () =>
      reject(new Error('The upload was interrupted; the file may be larger than the server accepts.'));
    const body = new FormData();
    if (fields.validUntil) body.append('validUntil', fields.validUntil);
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
