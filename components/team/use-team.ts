"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet, lazySchemas } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/**
 * The team's members and pending invitations. The audit log and the home page name people with
 * it, so it lives apart from the team page's changes, which those pages need not load.
 */
export const useTeam = () =>
  useQuery({
    queryKey: queryKeys.team(),
    queryFn: () =>
      apiGet("/api/team", lazySchemas(() => import("@/lib/jiko/team"))("TeamResponse")),
  });
