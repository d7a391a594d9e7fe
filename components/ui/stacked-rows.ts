/**
 * Class names that turn a data table into stacked rows under the `sm` breakpoint: each row a
 * small two-column card, the header row kept for screen readers only, so no page is wider than
 * a phone. At `sm` and up the table is a table again. The markup is unchanged: the same rows and
 * cells, in the same order, only laid out differently.
 */
export const stacked = {
  table: "max-sm:block",
  body: "max-sm:block",
  row: "max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:gap-y-1 max-sm:py-3",
  /** A cell on phones: no table padding, wraps its text. */
  cell: "max-sm:p-0 max-sm:whitespace-normal",
  /** A cell across the whole card on phones (a description, the actions). */
  wide: "max-sm:col-span-2",
  /** A cell at the card's right edge on phones (an amount beside the date). */
  end: "max-sm:text-right",
  /** A cell shown under its column's name on phones; the name comes from `data-label`. */
  labelled:
    "max-sm:before:block max-sm:before:text-xs max-sm:before:text-ink-600 max-sm:before:uppercase max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-ink-300",
} as const;
