import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { RevealOnArrival } from "./reveal-on-arrival";

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
        <RevealOnArrival />
        {children}
      </body>
    </html>
  );
}
