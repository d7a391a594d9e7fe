"use client";

import { ApiClientError, failureOf, lazySchemas, loadSchema } from "@/lib/api-client";
import type { UploadDocumentResponse } from "@/lib/jiko/company";
import { pageTeamId, TEAM_HEADER } from "@/lib/team-binding";

/** The answer's schema loads with the upload, while the file is on its way (lib/api-client.ts). */
const answerSchema = lazySchemas(() => import("./answers"))("UploadDocumentResponse");

const unreachable = () =>
  new ApiClientError("unavailable", "Treasury Desk cannot be reached. Check your connection.", 0);

/**
 * Sends one file to the upload route as its raw bytes. XMLHttpRequest rather than fetch: only it
 * reports how much of the body has gone (fetch has no upload progress in browsers today).
 */
export function uploadDocumentFile(o: {
  type: string;
  file: File;
  contentType: string;
  onProgress: (fraction: number) => void;
}) {
  // Awaited once the route answers.
  const schema = loadSchema(answerSchema);
  return new Promise<UploadDocumentResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/company/documents?type=${encodeURIComponent(o.type)}`);
    xhr.setRequestHeader("content-type", o.contentType);
    xhr.setRequestHeader("accept", "application/json");
    const team = pageTeamId();
    if (team) xhr.setRequestHeader(TEAM_HEADER, team);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) o.onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(unreachable());
    xhr.onload = async () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) {
        let checked: UploadDocumentResponse | undefined;
        try {
          const parsed = (await schema).safeParse(body);
          if (parsed.success) checked = parsed.data;
        } catch (error) {
          return reject(error);
        }
        if (checked) {
          o.onProgress(1);
          return resolve(checked);
        }
      }
      failureOf(xhr.status, body).then(reject, reject);
    };
    xhr.send(o.file);
  });
}
