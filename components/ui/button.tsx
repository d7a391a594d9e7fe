import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary:
    "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-ink-300 dark:bg-brand-500 dark:text-ink-950 dark:hover:bg-brand-400",
  secondary:
    "border border-ink-200 bg-white text-ink-800 hover:bg-ink-100 dark:border-ink-700 dark:bg-ink-900 dark:text-ink-100 dark:hover:bg-ink-800",
  ghost: "text-ink-700 hover:bg-ink-100 dark:text-ink-200 dark:hover:bg-ink-800",
} as const;

export function buttonClass(variant: keyof typeof VARIANTS = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = "primary",
  className = "",
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
