import type { Metadata } from "next";
import { WebhooksView } from "@/components/settings/webhooks-view";
import { Forbidden } from "@/components/ui/forbidden";
import { LinkTabs } from "@/components/ui/link-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { listSubscriptions, liveStatus } from "@/server/subscriptions/manage";
import { requireViewer } from "@/server/viewer";
import { StreamedSection } from "../../streamed-section";

export const metadata: Metadata = { title: "Webhooks · Settings" };

const TABS = [{ id: "webhooks", href: "/settings/webhooks", label: "Webhooks" }] as const;

export default async function WebhooksSettingsPage() {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "webhooks:manage"))
    return <Forbidden what="managing webhooks" />;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Where Jiko sends {viewer.team.name}'s events, and how this dashboard hears of them.
        </p>
      </div>
      <LinkTabs label="Settings sections" tabs={TABS} current="webhooks" />
      <StreamedSection
        load={(client) =>
          Promise.all([
            client.prefetchQuery({
              queryKey: queryKeys.webhookSubscriptions(),
              queryFn: () => listSubscriptions(viewer),
            }),
            client.prefetchQuery({
              queryKey: queryKeys.liveStatus(),
              queryFn: () => liveStatus(viewer.customerId),
            }),
          ])
        }
        fallback={<Skeleton className="h-96" />}
      >
        <WebhooksView />
      </StreamedSection>
    </div>
  );
}
