import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { WebhooksView } from "@/components/settings/webhooks-view";
import { Forbidden } from "@/components/ui/forbidden";
import { LinkTabs } from "@/components/ui/link-tabs";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query-keys";
import { firstPaintClient, throwIfJikoAway } from "@/server/section-state";
import { listSubscriptions, liveStatus } from "@/server/subscriptions/manage";
import { requireViewer } from "@/server/viewer";

export const metadata: Metadata = { title: "Webhooks · Settings" };

const TABS = [{ id: "webhooks", href: "/settings/webhooks", label: "Webhooks" }] as const;

export default async function WebhooksSettingsPage() {
  const viewer = await requireViewer();
  if (!can(new Set(viewer.capabilities), "webhooks:manage"))
    return <Forbidden what="managing webhooks" />;
  const queryClient = firstPaintClient();
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: queryKeys.webhookSubscriptions(),
      queryFn: () => listSubscriptions(viewer),
    }),
    queryClient.prefetchQuery({
      queryKey: queryKeys.liveStatus(),
      queryFn: () => liveStatus(viewer.customerId),
    }),
  ]);
  throwIfJikoAway(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-ink-600 dark:text-ink-300">
          Where Jiko sends {viewer.team.name}'s events, and how this dashboard hears of them.
        </p>
      </div>
      <LinkTabs label="Settings sections" tabs={TABS} current="webhooks" />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <WebhooksView />
      </HydrationBoundary>
    </div>
  );
}
