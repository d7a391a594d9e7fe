import { redirect } from "next/navigation";

// Settings has one section so far: webhooks.
export default function SettingsPage() {
  redirect("/settings/webhooks");
}
