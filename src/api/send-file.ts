import type { FastifyReply } from 'fastify';

/** A generated document as a download: its type, and a file name the browser saves it under. */
export function sendFile(reply: FastifyReply, file: { body: Buffer; filename: string; contentType: string }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body as never);
}
