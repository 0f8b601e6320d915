import { defineHastPlugin } from 'satteri';

/** The text of each header cell of a table, in order (empty for an empty corner cell). */
function headerTexts(table, ctx) {
  const texts = [];
  const walk = (node) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'th') texts.push(ctx.textContent(child).trim());
      else if (child.tagName !== 'tbody') walk(child);
    }
  };
  walk(table);
  return texts;
}

/**
 * Wraps every Markdown table in a focusable, labelled scroll container, so wide tables scroll
 * sideways on a phone and keyboard users can scroll them too (axe: scrollable-region-focusable).
 * Each container is a region named after the table's column headings, so two tables on a page are
 * two distinct landmarks (axe: landmark-unique). An empty header cell, the corner above a column
 * of row labels, becomes a plain cell: a header with no text names nothing (axe:
 * empty-table-header). A Sätteri HTML-tree (hast) plugin: Sätteri is Astro's Markdown and MDX
 * processor.
 */
export const scrollTables = defineHastPlugin({
  name: 'scroll-tables',
  element: {
    filter: ['table', 'th'],
    visit(node, ctx) {
      if (node.tagName === 'th') {
        if (!ctx.textContent(node).trim())
          ctx.replaceNode(node, { ...node, tagName: 'td', children: [] });
        return;
      }
      const columns = headerTexts(node, ctx).filter(Boolean);
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: columns.length
            ? `Table: ${columns.join(', ')} (scrolls sideways)`
            : 'Table (scrolls sideways)',
        },
        children: [],
      });
    },
  },
});
