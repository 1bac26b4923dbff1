/** One briefing in a list of briefings (the home page, the archive): title, dateline, summary, counts. */
import type { BriefingPage } from "../../src/site/index.js";
import { html, safeUrl, type SafeHtml } from "./html.js";
import { count, time } from "./format.js";

export function briefingItem(b: BriefingPage): SafeHtml {
  const counts = [
    count(b.claims.length, "claim"),
    count(b.actors.length, "actor"),
    count(b.locations.length, "place"),
    count(b.sources.length, "source"),
  ].join(" · ");
  return html`<li class="briefing-item">
<article aria-labelledby="b-${b.id}">
<h3 id="b-${b.id}"><a href="${safeUrl(b.url)}">${b.briefing.title}</a></h3>
<p class="dateline">${time({ date: b.briefing.date, datePrecision: b.meta.datePrecision })}${b.briefing.outlet ? html` · <span class="outlet">${b.briefing.outlet.name}</span>` : ""}</p>
${b.briefing.summary ? html`<p class="summary">${b.briefing.summary}</p>` : ""}
<p class="counts">${counts}</p>
</article>
</li>`;
}
