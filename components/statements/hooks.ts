"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The answer's schema loads with the first answer (lib/api-client.ts). */
const schema = lazySchemas(() => import("./answers"));

/** The statements the filters select (their search string), without download links. */
export const useStatements = (search: string) =>
  useQuery({
    queryKey: queryKeys.statements(search),
    queryFn: () => apiGet(`/api/statements?${search}`, schema("StatementSummaryList")),
  });
