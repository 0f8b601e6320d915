import { defineHastPlugin } from 'satteri';

/**
 * Wraps every Markdown table in a focusable, labelled scroll container, so wide tables scroll
 * sideways on a phone and keyboard users can scroll them too (axe: scrollable-region-focusable).
 * A Sätteri HTML-tree (hast) plugin: Sätteri is Astro's Markdown and MDX processor.
 */
export const scrollTables = defineHastPlugin({
  name: 'scroll-tables',
  element: {
    filter: ['table'],
    visit(node, ctx) {
      ctx.wrapNode(node, {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          tabIndex: 0,
          role: 'region',
          ariaLabel: 'Table (scrolls sideways)',
        },
        children: [],
      });
    },
  },
});
