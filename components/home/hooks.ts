"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { Customer } from "@/lib/jiko/customer";
import { queryKeys } from "@/lib/query-keys";

export const useCustomer = () =>
  useQuery({ queryKey: queryKeys.customer(), queryFn: () => apiGet("/api/customer", Customer) });
