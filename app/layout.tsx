import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Treasury Desk", template: "%s · Treasury Desk" },
  description: "Balances, yield, T-bill holdings and approvals for your cash at Jiko.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#11131c" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <QueryProvider>{children}</QueryProvider>
        <Toaster
          position="bottom-right"
          // Follows the system like the rest of the app: in dark mode, dark toasts.
          theme="system"
          richColors
          closeButton
          // sonner's own success green on its pale green is below WCAG AA: ours is darker.
          toastOptions={{ classNames: { success: "!text-emerald-900 dark:!text-emerald-100" } }}
        />
      </body>
    </html>
  );
}
