import ELK, { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import { esc } from './html';

/** A box in a graph; `kind` becomes its CSS class. */
export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  /** A relative link the box opens. @default - not a link */
  readonly href?: string;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
}

const HEIGHT = 36;
const CHAR = 7.4;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Lay a graph out with ELK's layered algorithm at build time and draw it as inline SVG.
 * Nodes get fixed sizes from their labels and the input is sorted, so the same graph always
 * gives the same bytes.
 */
export async function renderGraph(title: string, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Promise<string> {
  const sortedNodes = [...new Map(nodes.map((n) => [n.id, n])).values()].sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(sortedNodes.map((n) => n.id));
  const sortedEdges = [...new Map(edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => [`${e.from}\u0000${e.to}`, e])).values()]
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const width = (n: GraphNode) => Math.round(24 + n.label.length * CHAR);
  const elk = new ELK();
  const laid: ElkNode = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '16',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
    },
    children: sortedNodes.map((n) => ({ id: n.id, width: width(n), height: HEIGHT })),
    edges: sortedEdges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const byId = new Map(sortedNodes.map((n) => [n.id, n]));
  const boxes = (laid.children ?? []).map((c) => {
    const n = byId.get(c.id)!;
    const [x, y, w] = [round(c.x ?? 0), round(c.y ?? 0), round(c.width ?? width(n))];
    const box = `<rect x="${x}" y="${y}" width="${w}" height="${HEIGHT}" rx="6"/><text x="${round(x + w / 2)}" y="${round(y + HEIGHT / 2)}">${esc(n.label)}</text>`;
    const inner = n.href ? `<a href="${esc(n.href)}">${box}</a>` : box;
    return `<g class="node node-${esc(n.kind)}" data-node="${esc(n.id)}">${inner}</g>`;
  });
  const lines = ((laid.edges ?? []) as ElkExtendedEdge[]).flatMap((e) => (e.sections ?? []).map((s) => {
    const points = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${round(p.x)},${round(p.y)}`).join(' ');
    return `<polyline class="edge" points="${points}" marker-end="url(#arrow)"/>`;
  }));
  const [w, h] = [round(laid.width ?? 0), round(laid.height ?? 0)];
  return [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="group" aria-labelledby="graph-title">`,
    `<title id="graph-title">${esc(title)}</title>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ...lines,
    ...boxes,
    '</svg>',
  ].join('\n');
}
