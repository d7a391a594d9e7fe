import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4 text-center">
      <div>
        <h1 className="text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-ink-600 dark:text-ink-300">There is nothing at this address.</p>
        <Link href="/" className={buttonClass("secondary", "mt-6")}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
