/** React Query keys, shared by server prefetch and client hooks so hydration lines up. */
export const queryKeys = {
  viewer: () => ["viewer"] as const,
  customer: () => ["customer"] as const,
  team: () => ["team"] as const,
};
