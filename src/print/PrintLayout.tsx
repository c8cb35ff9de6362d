import { PRINT_FONT_FAMILY, type PrintItem, type PrintPage } from './print-page';

export interface PrintLayoutProps {
  pages: PrintPage[];
  /** Object URLs of the map pictures by id. */
  imageUrls: Record<string, string>;
}

function pathData(rings: Float32Array[], closed: boolean): string {
  let d = '';
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${ring[i].toFixed(2)} ${ring[i + 1].toFixed(2)}`;
    if (closed) d += 'Z';
  }
  return d;
}

function Item({ item, imageUrls, id }: { item: PrintItem; imageUrls: Record<string, string>; id: string }) {
  switch (item.type) {
    case 'text':
      return (
        <text
          x={item.x}
          y={item.y}
          fontSize={item.sizePt * (25.4 / 72)}
          fontWeight={item.isBold ? 700 : 400}
          fill={item.color}
          textAnchor={item.anchor}
          {...(item.halo ? { stroke: item.halo.color, strokeWidth: item.halo.widthMm * 2, strokeLinejoin: 'round' as const, paintOrder: 'stroke' } : {})}
        >
          {item.text}
        </text>
      );
    case 'path':
      return (
        <path
          d={pathData(item.rings, item.closed)}
          fill={item.fill ?? 'none'}
          fillRule="evenodd"
          opacity={item.opacity}
          stroke={item.stroke ?? 'none'}
          strokeWidth={item.strokeWidthMm}
          strokeLinejoin="round"
          strokeDasharray={item.dashMm?.join(' ')}
        />
      );
    case 'group':
      return (
        <g clipPath={`url(#${id})`}>
          <clipPath id={id}>
            <rect x={item.clip.x} y={item.clip.y} width={item.clip.width} height={item.clip.height} />
          </clipPath>
          {item.items.map((child, i) => (
            <Item key={i} item={child} imageUrls={imageUrls} id={`${id}-${i}`} />
          ))}
        </g>
      );
    case 'rect':
      return <rect x={item.x} y={item.y} width={item.width} height={item.height} fill={item.fill ?? 'none'} stroke={item.stroke ?? 'none'} strokeWidth={item.strokeWidthMm} />;
    case 'circle':
      return <circle cx={item.cx} cy={item.cy} r={item.r} fill={item.fill ?? 'none'} stroke={item.stroke ?? 'none'} strokeWidth={item.strokeWidthMm} />;
    case 'line':
      return <line x1={item.x1} y1={item.y1} x2={item.x2} y2={item.y2} stroke={item.stroke} strokeWidth={item.widthMm} strokeDasharray={item.dashMm?.join(' ')} />;
    case 'polygon':
      return <polygon points={item.points.map((point) => point.join(',')).join(' ')} fill={item.fill} stroke={item.stroke ?? 'none'} strokeWidth={item.strokeWidthMm} />;
    case 'image':
      return <image href={imageUrls[item.imageId]} x={item.x} y={item.y} width={item.width} height={item.height} preserveAspectRatio="none" />;
  }
}

/**
 * The printed pages as SVG sheets in millimetres: the on-screen preview and, through the print CSS,
 * what the browser's own print puts on paper (same display list as the PDF).
 */
export function PrintLayout({ pages, imageUrls }: PrintLayoutProps) {
  return (
    <div className="print-sheets" data-testid="print-sheets">
      {pages.map((page, index) => (
        <svg
          key={index}
          className="print-sheet"
          xmlns="http://www.w3.org/2000/svg"
          width={`${page.widthMm}mm`}
          height={`${page.heightMm}mm`}
          viewBox={`0 0 ${page.widthMm} ${page.heightMm}`}
          fontFamily={`"${PRINT_FONT_FAMILY}", sans-serif`}
        >
          <rect x={0} y={0} width={page.widthMm} height={page.heightMm} fill="#FFFFFF" />
          {page.items.map((item, i) => (
            <Item key={i} item={item} imageUrls={imageUrls} id={`print-clip-${index}-${i}`} />
          ))}
        </svg>
      ))}
    </div>
  );
}
