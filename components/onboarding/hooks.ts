"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { apiGet, apiSend, failureOf } from "@/lib/api-client";
import { ApiClientError } from "@/lib/api-error";
import { refetchIntervalFor } from "@/lib/application-documents";
import { BusinessApplication, type BusinessApplicationDraft } from "@/lib/jiko/applications";
import { Agreement, type DocumentType } from "@/lib/jiko/company";
import { queryKeys } from "@/lib/query-keys";
import { pageTeamId, TEAM_HEADER } from "@/lib/team-binding";

export const ApplicationList = z.object({ items: z.array(BusinessApplication) });

export const useApplications = () =>
  useQuery({
    queryKey: queryKeys.applications(),
    queryFn: () => apiGet("/api/applications", ApplicationList),
  });

export const useAgreement = () =>
  useQuery({
    queryKey: queryKeys.applicationAgreement(),
    queryFn: () => apiGet("/api/applications/agreement", Agreement),
  });

/** One application, read again while Jiko is still deciding (refetchIntervalFor). */
export const useApplication = (id: string) =>
  useQuery({
    queryKey: queryKeys.application(id),
    queryFn: () => apiGet(`/api/applications/${id}`, BusinessApplication),
    refetchInterval: (q) => refetchIntervalFor(q.state.data?.status),
  });

/** Any change keeps the one application's cache in step with Jiko's answer. */
function useApplicationChange<V>(change: (v: V) => Promise<BusinessApplication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (app) => {
      queryClient.setQueryData(queryKeys.application(app.id), app);
      // Once applied, the list no longer offers it as the draft to resume.
      if (app.status !== "CREATED")
        void queryClient.invalidateQueries({ queryKey: queryKeys.applications(), exact: true });
    },
  });
}

export const useSaveDraft = () =>
  useApplicationChange(({ id, draft }: { id: string | null; draft: BusinessApplicationDraft }) =>
    id
      ? apiSend("PATCH", `/api/applications/${id}`, BusinessApplication, draft)
      : apiSend("POST", "/api/applications", BusinessApplication, draft),
  );

export const useApply = () =>
  useApplicationChange((id: string) =>
    apiSend("POST", `/api/applications/${id}/apply`, BusinessApplication),
  );

/**
 * Sends one file's raw bytes with upload progress (fetch reports none), naming the page's team
 * like every change; answers the application as Jiko reads it after the upload.
 */
export function uploadApplicationFile(
  id: string,
  type: DocumentType,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<BusinessApplication> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/applications/${id}/documents/${type}`);
    xhr.setRequestHeader("content-type", file.type);
    xhr.setRequestHeader("accept", "application/json");
    const team = pageTeamId();
    if (team) xhr.setRequestHeader(TEAM_HEADER, team);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiClientError("unavailable", "Treasury Desk cannot be reached.", 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {}
      if (xhr.status >= 200 && xhr.status < 300) return resolve(BusinessApplication.parse(body));
      failureOf(xhr.status, body).then(reject, reject);
    };
    xhr.send(file);
  });
}

export function useUploadDocument(id: string) {
  const queryClient = useQueryClient();
  return async (type: DocumentType, file: File, onProgress: (f: number) => void) => {
    const app = await uploadApplicationFile(id, type, file, onProgress);
    queryClient.setQueryData(queryKeys.application(id), app);
    return app;
  };
}
