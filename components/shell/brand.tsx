import { Landmark } from "lucide-react";
import Link from "next/link";

/** The product's name and mark, linking home: the one part of the header that needs no data. */
export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 font-semibold">
      <span className="grid size-8 place-items-center rounded-md bg-brand-700 text-white dark:bg-brand-500 dark:text-ink-950">
        <Landmark aria-hidden="true" className="size-4" />
      </span>
      Treasury Desk
    </Link>
  );
}
