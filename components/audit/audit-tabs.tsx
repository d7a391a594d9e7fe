import { LinkTabs } from "@/components/ui/link-tabs";

const TABS = [
  { id: "changes", href: "/audit", label: "Changes at Jiko" },
  { id: "reads", href: "/audit?view=reads", label: "Sensitive reads" },
] as const;

/** Jiko's log of changes, and the dashboard's own log of sensitive reads, side by side. */
export function AuditTabs({ reads }: { reads: boolean }) {
  return <LinkTabs label="Audit logs" tabs={TABS} current={reads ? "reads" : "changes"} />;
}
