/** `sitrep new`: a fresh article with today's date, ready for the editor. */
import { stringify } from "yaml";
import { localDate } from "./import.js";

export function scaffoldArticle(title: string, today: Date, outlet?: string, url?: string): string {
  const front: Record<string, unknown> = { title, date: localDate(today) };
  if (outlet) front.outlet = outlet;
  front.url = url ?? null;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n<!-- Write the article below this line: one paragraph per block, separated by a blank line. -->\n`;
}
