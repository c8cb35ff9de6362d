/** Texts of the analysis's messages (`msg.<code>`, codes in `src/core/analysis-message-codes.ts`). */
export const viAnalysis = {
  'msg.site-outside-hamlets': '{count} trạm nằm ngoài mọi ấp, khóm (vẫn phủ các ấp gần đó nhưng không được tính vào đơn vị nào): {sites}',
  'msg.too-many-operators': 'có {count} nhà mạng: lớp riêng từng nhà mạng chỉ tính cho {limit} nhà mạng đầu tiên theo tên (lớp chung vẫn tính tất cả)',
  'msg.hamlet-empty-area': 'ấp, khóm {id} có diện tích bằng 0',
  'msg.record-counts-for-no-layer': '{count} bản ghi trạm không có công nghệ di động băng rộng nên chỉ được tính là trạm: {records}',
  'msg.group-codes-missing': '{count} trong {total} ấp, khóm không có mã {unit} ({fields}): {keyedBy}',
  'msg.group-code-names-differ': '{count} mã {unit} mang tên khác nhau ở các ấp, khóm (ví dụ {code}: {names}); dùng tên mà nhiều ấp, khóm ghi nhất',
  'msg.unit-district': 'huyện',
  'msg.unit-commune': 'xã',
  'msg.unit-new-commune': 'xã, phường mới (từ 1/7/2025)',
  'msg.keyed-by-name-district': 'các huyện này được phân biệt theo tên',
  'msg.keyed-by-name-commune': 'các xã này được phân biệt theo tên trong từng huyện',
  'msg.keyed-by-name-new-commune': 'các xã, phường mới này được phân biệt theo tên',
} as const;

export const enAnalysis: Record<keyof typeof viAnalysis, string> = {
  'msg.site-outside-hamlets': 'sites outside every hamlet ({count}; they still cover hamlets nearby, but count in no unit): {sites}',
  'msg.too-many-operators': '{count} operators: per-operator layers are computed for the first {limit} by name only (overall layers count all)',
  'msg.hamlet-empty-area': 'hamlet {id} has no area',
  'msg.record-counts-for-no-layer': 'BTS records with no mobile-broadband technology, counted only as sites ({count}): {records}',
  'msg.group-codes-missing': '{count} of {total} hamlets have no {unit} code ({fields}): {keyedBy}',
  'msg.group-code-names-differ': '{count} {unit} code(s) carry different names on different hamlets (e.g. {code}: {names}); the name most hamlets give is used',
  'msg.unit-district': 'district',
  'msg.unit-commune': 'commune',
  'msg.unit-new-commune': 'post-2025 commune',
  'msg.keyed-by-name-district': 'their districts are keyed by name',
  'msg.keyed-by-name-commune': 'their communes are keyed by name within their district',
  'msg.keyed-by-name-new-commune': 'their post-2025 communes are keyed by name',
};
