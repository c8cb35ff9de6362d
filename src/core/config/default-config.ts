import type { CoverageConfig, PlanTarget } from '../types';

/**
 * The targets of the Sóc Trăng *Plan for digital infrastructure to 2025*.
 * Rows with `computedFrom` are computed by the engine; the others come from indicator rows
 * whose `indicator` equals the target `id`.
 */
export const SOC_TRANG_PLAN_TARGETS: PlanTarget[] = [
  { id: 'mobile-broadband-hamlets', label: 'Ấp, khóm được phủ sóng di động băng rộng', comparator: '>=', target: 1, unit: 'share', computedFrom: 'coveredMobileShare' },
  { id: 'ftth-hamlets', label: 'Ấp, khóm có cáp quang (FTTH)', comparator: '>=', target: 1, unit: 'share', computedFrom: 'coveredFtthShare' },
  { id: 'shared-sites', label: 'Trạm BTS dùng chung hạ tầng', comparator: '>', target: 0.3, unit: 'share', computedFrom: 'sharedSiteShare' },
  { id: 'mobile-subscriptions-per-100', label: 'Thuê bao di động băng rộng / 100 dân', comparator: '>', target: 80, unit: 'per100' },
  { id: 'smartphone-subscription-share', label: 'Thuê bao sử dụng điện thoại thông minh', comparator: '>', target: 0.85, unit: 'share' },
  { id: 'adults-with-smartphone', label: 'Người trưởng thành có điện thoại thông minh', comparator: '>', target: 0.85, unit: 'share' },
  { id: 'mobile-speed-mbps', label: 'Tốc độ di động băng rộng (i-Speed)', comparator: '>=', target: 40, unit: 'mbps' },
  { id: 'ftth-households', label: 'Hộ gia đình có cáp quang (FTTH)', comparator: '>', target: 0.8, unit: 'share' },
  { id: 'fixed-speed-mbps', label: 'Tốc độ băng rộng cố định (i-Speed)', comparator: '>=', target: 100, unit: 'mbps' },
  { id: 'cloud-use', label: 'Cơ quan, doanh nghiệp dùng điện toán đám mây', comparator: '>', target: 0.75, unit: 'share' },
  { id: 'agencies-on-platforms', label: 'Cơ quan nhà nước dùng nền tảng số', comparator: '>=', target: 1, unit: 'share' },
  { id: 'enterprises-on-platforms', label: 'Doanh nghiệp dùng nền tảng số', comparator: '>=', target: 0.7, unit: 'share' },
  { id: 'anti-malware', label: 'Thiết bị được cài phần mềm phòng chống mã độc', comparator: '>=', target: 0.9, unit: 'share' },
];

/** Defaults of every configuration key (documented in the README, "Coverage model"). */
export const DEFAULT_CONFIG: CoverageConfig = {
  radiiMeters: { '2G': 5000, '3G': 3000, '4G': 3000, '5G': 1000, ftth: 300 },
  coveredThreshold: { mobile: 0.5, ftth: 0.1 },
  colocationMeters: 30,
  mobileBroadband: ['3G', '4G', '5G'],
  defaultBeamwidthDegrees: 120,
  fields: {
    id: ['id', 'ma_ap', 'code', 'ma'],
    name: ['name', 'ten_ap', 'ten'],
    commune: ['commune', 'xa', 'ten_xa', 'phuong_xa'],
    district: ['district', 'huyen', 'ten_huyen', 'quan_huyen'],
    households: ['households', 'so_ho', 'ho'],
    population: ['population', 'dan_so', 'so_dan'],
  },
  targets: SOC_TRANG_PLAN_TARGETS,
};
