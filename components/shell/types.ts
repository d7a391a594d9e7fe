import type { Role } from "@/lib/jiko/roles";
import type { Capability } from "@/lib/permissions";

/** What the shell shows of the signed-in person: plain data, safe to send to the browser. */
export interface ShellViewer {
  name: string;
  email: string;
  role: Role;
  team: { id: string; name: string };
  teams: { id: string; name: string; customerName: string; role: Role }[];
  capabilities: Capability[];
}

export type FormAction = (formData: FormData) => Promise<void>;
