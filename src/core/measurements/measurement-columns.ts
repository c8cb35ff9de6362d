/**
 * Column names of measurement exports, per field, in order of preference: i-Speed and speedtest-style
 * tables, G-NetTrack logs, RTR/NetMetr open data, Ookla open-data tiles, and plain tables (matched
 * without regard to case, spaces, underscores or diacritics, as the site import matches its headers).
 */
export const MEASUREMENT_COLUMN_ALIASES = {
  lng: ['lon', 'lng', 'longitude', 'long', 'client_longitude', 'kinh_do', 'x'],
  lat: ['lat', 'latitude', 'client_latitude', 'vi_do', 'y'],
  time: ['time', 'timestamp', 'test_date', 'date_time', 'datetime', 'result_date', 'test_time', 'thoi_gian', 'thoi_diem', 'ngay_gio', 'ngay_do', 'date'],
  operator: ['operator', 'nha_mang', 'doanh_nghiep', 'network_operator', 'operator_name', 'operatorname', 'provider', 'provider_name', 'isp', 'isp_name', 'carrier', 'network_name', 'sim_operator', 'network_mcc_mnc', 'sim_mcc_mnc', 'mcc_mnc', 'plmn'],
  technology: ['technology', 'cong_nghe', 'networktech', 'cat_technology', 'network_type', 'radio', 'access_technology', 'connection_type', 'conn_type', 'tech', 'loai_mang', 'loai_ket_noi'],
  status: ['status', 'test_status', 'result', 'ket_qua', 'trang_thai'],
  weight: ['tests', 'test_count', 'so_lan_do', 'so_mau', 'samples'],
  quadkey: ['quadkey'],
  tile: ['tile', 'wkt', 'geometry_wkt'],
} as const satisfies Record<string, readonly string[]>;

/** A value column and the factor that brings it to the unit the engine keeps (Mbit/s, ms, dBm). */
export type ScaledAlias = readonly [name: string, factor: number];

/** Speed, latency and signal columns: the name says the unit (kbit/s columns are divided by 1,000). */
export const MEASUREMENT_VALUE_ALIASES = {
  downMbps: [
    ['download_mbps', 1], ['dl_mbps', 1], ['down_mbps', 1], ['download_speed_mbps', 1], ['toc_do_tai_xuong_mbps', 1], ['toc_do_tai_xuong', 1], ['tai_xuong', 1], ['download', 1], ['dl', 1],
    ['download_kbps', 1e-3], ['download_kbit', 1e-3], ['dl_kbps', 1e-3], ['avg_d_kbps', 1e-3], ['dl_bitrate', 1e-3], ['testdownlink', 1e-3],
  ],
  upMbps: [
    ['upload_mbps', 1], ['ul_mbps', 1], ['up_mbps', 1], ['upload_speed_mbps', 1], ['toc_do_tai_len_mbps', 1], ['toc_do_tai_len', 1], ['tai_len', 1], ['upload', 1], ['ul', 1],
    ['upload_kbps', 1e-3], ['upload_kbit', 1e-3], ['ul_kbps', 1e-3], ['avg_u_kbps', 1e-3], ['ul_bitrate', 1e-3], ['testuplink', 1e-3],
  ],
  latencyMs: [['latency_ms', 1], ['latency', 1], ['ping_ms', 1], ['ping', 1], ['avg_lat_ms', 1], ['pingavg', 1], ['rtt_ms', 1], ['do_tre_ms', 1], ['do_tre', 1]],
  rsrpDbm: [['rsrp_dbm', 1], ['rsrp', 1], ['lte_rsrp', 1], ['nr_rsrp', 1], ['ss_rsrp', 1], ['level', 1], ['signal_dbm', 1], ['signal_strength', 1], ['cuong_do_tin_hieu', 1], ['muc_tin_hieu', 1]],
} as const satisfies Record<string, readonly ScaledAlias[]>;
