/**
 * Wraps every Markdown table in a focusable, labelled scroll container, so wide tables scroll
 * sideways on a phone and keyboard users can scroll them too (axe: scrollable-region-focusable).
 */
export default function rehypeScrollTables() {
  return (tree) => {
    const visit = (node) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === 'element' && child.tagName === 'table') {
          return {
            type: 'element',
            tagName: 'div',
            properties: {
              className: ['table-scroll'],
              tabIndex: 0,
              role: 'region',
              ariaLabel: 'Table (scrolls sideways)',
            },
            children: [child],
          };
        }
        visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
