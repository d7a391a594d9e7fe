import type { Config } from "tailwindcss";

/** Treasury Desk's theme: a calm ink-and-teal palette, dark mode following the system. */
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#effbf8",
          100: "#d7f4ec",
          200: "#b0e8da",
          300: "#7dd5c2",
          400: "#48bba5",
          500: "#27a08b",
          600: "#1a8171",
          700: "#17675c",
          800: "#16534b",
          900: "#15453f",
          950: "#082825",
        },
        ink: {
          50: "#f6f7f9",
          100: "#eceef2",
          200: "#d5d9e2",
          300: "#b0b8c9",
          400: "#8591aa",
          500: "#5b6683",
          600: "#4b5570",
          700: "#434a60",
          800: "#2b3040",
          900: "#1c2030",
          950: "#11131c",
        },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
      },
    },
  },
} satisfies Config;
