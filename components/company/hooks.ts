"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { apiGet, apiSend, lazySchemas } from "@/lib/api-client";
import { DOCUMENTS_PAGE_SIZE } from "@/lib/company-files";
import type { UpdateCustomerRequest } from "@/lib/jiko/company";
import { queryKeys } from "@/lib/query-keys";

/** The answers' schemas load with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** The company as Jiko has it (the same key as the overview's greeting: one read serves both). */
export const useCompanyProfile = () =>
  useQuery({
    queryKey: queryKeys.customer(),
    queryFn: () => apiGet("/api/company/profile", schema("Customer")),
  });

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: UpdateCustomerRequest) =>
      apiSend("PATCH", "/api/company/profile", schema("Customer"), change),
    onSuccess: (customer) => {
      queryClient.setQueryData(queryKeys.customer(), customer);
      toast.success("The company's details are changed");
    },
  });
}

export const useBeneficialOwners = () =>
  useQuery({
    queryKey: queryKeys.companyOwners(),
    queryFn: () => apiGet("/api/company/owners", schema("ListBeneficialOwnersResponse")),
  });

export const useAgreements = () =>
  useQuery({
    queryKey: queryKeys.companyAgreements(),
    queryFn: () => apiGet("/api/company/agreements", schema("CompanyAgreements")),
  });

export function useAcknowledgeAgreement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: string) =>
      apiSend("POST", "/api/company/agreements", schema("AgreementAcknowledgement"), {
        version,
      }),
    onSuccess: (ack) => {
      toast.success(`Version ${ack.version} is acknowledged`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.companyAgreements() });
    },
  });
}

/** The company's documents, page after page over Jiko's cursor. */
export const useCompanyDocuments = () =>
  useInfiniteQuery({
    queryKey: queryKeys.companyDocuments(),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ limit: String(DOCUMENTS_PAGE_SIZE) });
      if (pageParam) search.set("cursor", pageParam);
      return apiGet(`/api/company/documents?${search}`, schema("DocumentList"));
    },
    getNextPageParam: (last) => last.next_page,
  });
