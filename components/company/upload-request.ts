"use client";

import { ApiClientError, failureOf } from "@/lib/api-client";
import { UploadDocumentResponse } from "@/lib/jiko/company";
import { pageTeamId, TEAM_HEADER } from "@/lib/team-binding";

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
    xhr.onerror = () =>
      reject(
        new ApiClientError(
          "unavailable",
          "Treasury Desk cannot be reached. Check your connection.",
          0,
        ),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = UploadDocumentResponse.safeParse(body);
        if (parsed.success) {
          o.onProgress(1);
          return resolve(parsed.data);
        }
      }
      failureOf(xhr.status, body).then(reject, reject);
    };
    xhr.send(o.file);
  });
}
