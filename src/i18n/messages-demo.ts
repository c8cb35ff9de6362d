/**
 * What the demo dataset is: which of its parts are real public facts and which are generated.
 * Shown once wherever demo data is (the banner, print, the CLI), and written into every demo file.
 */
export const viDemo = {
  'demo.notice': 'Tên, mã huyện, xã, số hộ, dân số từng xã (Tổng điều tra 2019), sáp nhập 1/7/2025 là thật; mọi ranh giới, ấp, khóm, trạm BTS, cáp quang, chỉ tiêu do máy sinh.',
} as const;

export const enDemo: Record<keyof typeof viDemo, string> = {
  'demo.notice':
    'Real: district and commune names and codes, 2019 census figures per commune, the 1 July 2025 merger. Generated: boundaries, hamlets, BTS sites, fibre, indicators.',
};

/** The note every demo file and every output made from demo data carries (both languages, as files have none). */
export const DEMO_FILE_NOTE = `Dữ liệu minh họa. ${viDemo['demo.notice']} — Demo data. ${enDemo['demo.notice']}`;
