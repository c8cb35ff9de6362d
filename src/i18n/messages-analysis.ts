/** Texts of the analysis's messages (`msg.<code>`, codes in `src/core/analysis-message-codes.ts`). */
export const viAnalysis = {
  'msg.site-outside-hamlets': '{count} trạm nằm ngoài mọi ấp, khóm (vẫn phủ các ấp gần đó): {sites}',
  'msg.too-many-operators': 'có {count} nhà mạng: lớp riêng từng nhà mạng chỉ tính cho {limit} nhà mạng đầu tiên theo tên (lớp chung vẫn tính tất cả)',
  'msg.hamlet-empty-area': 'ấp, khóm {id} có diện tích bằng 0',
  'msg.record-counts-for-no-layer': '{count} bản ghi trạm không có công nghệ di động băng rộng nên chỉ được tính là trạm: {records}',
} as const;

export const enAnalysis: Record<keyof typeof viAnalysis, string> = {
  'msg.site-outside-hamlets': 'sites outside every hamlet ({count}; they still cover hamlets nearby): {sites}',
  'msg.too-many-operators': '{count} operators: per-operator layers are computed for the first {limit} by name only (overall layers count all)',
  'msg.hamlet-empty-area': 'hamlet {id} has no area',
  'msg.record-counts-for-no-layer': 'BTS records with no mobile-broadband technology, counted only as sites ({count}): {records}',
};
