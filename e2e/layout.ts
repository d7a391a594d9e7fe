import type { Page } from "@playwright/test";

/**
 * Elements running past the viewport's right edge and not inside a box that scrolls by design
 * (at most five, named by tag and class): what a person on a narrow screen would find cut off.
 */
export const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "auto" || x === "scroll" || x === "hidden") return true;
      }
      return false;
    };
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !scrolls(e.parentElement))
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`)
      .slice(0, 5);
  });
