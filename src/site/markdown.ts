/** Editor prose (registry profiles) to safe HTML: remark → rehype → sanitize (GitHub's allow-list). */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

export function markdownToSafeHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}
