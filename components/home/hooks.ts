"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The answer's schema loads with it (lib/api-client.ts). */
const schema = lazySchemas(() => import("@/lib/jiko/customer"));

export const useCustomer = () =>
  useQuery({
    queryKey: queryKeys.customer(),
    queryFn: () => apiGet("/api/customer", schema("Customer")),
  });
