"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/api-client";
import { Customer } from "@/lib/jiko/customer";
import { TeamResponse } from "@/lib/jiko/team";
import { queryKeys } from "@/lib/query-keys";

export const useCustomer = () =>
  useQuery({ queryKey: queryKeys.customer(), queryFn: () => apiGet("/api/customer", Customer) });

export const useTeam = () =>
  useQuery({ queryKey: queryKeys.team(), queryFn: () => apiGet("/api/team", TeamResponse) });
