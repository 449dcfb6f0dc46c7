package io.brushguard.sim;

/**
 * The map the simulated marketplace lives on: cities with approximate coordinates, how many buyers
 * and how many sellers each has, and the great-circle distance that parcel transit times grow with.
 * Logistics scans carry the city name as their {@code location}.
 */
final class Cities {
  // name, latitude, longitude, buyer weight (people), seller weight (e-commerce sellers)
  private static final Object[][] TABLE = {
    {"北京", 39.90, 116.40, 22, 6},
    {"上海", 31.23, 121.47, 25, 10},
    {"广州", 23.13, 113.26, 19, 14},
    {"深圳", 22.54, 114.06, 18, 14},
    {"杭州", 30.27, 120.15, 12, 16},
    {"南京", 32.06, 118.80, 9, 4},
    {"苏州", 31.30, 120.62, 10, 7},
    {"成都", 30.66, 104.07, 16, 4},
    {"重庆", 29.56, 106.55, 17, 3},
    {"武汉", 30.59, 114.31, 12, 3},
    {"西安", 34.34, 108.94, 11, 2},
    {"天津", 39.13, 117.20, 12, 2},
    {"郑州", 34.75, 113.62, 11, 2},
    {"长沙", 28.23, 112.94, 9, 2},
    {"沈阳", 41.80, 123.43, 8, 1},
    {"青岛", 36.07, 120.38, 8, 2},
    {"厦门", 24.48, 118.09, 5, 3},
    {"福州", 26.07, 119.30, 7, 2},
    {"合肥", 31.82, 117.23, 8, 2},
    {"济南", 36.65, 117.12, 8, 1},
    {"哈尔滨", 45.80, 126.53, 9, 1},
    {"长春", 43.82, 125.32, 7, 1},
    {"昆明", 25.04, 102.71, 7, 1},
    {"贵阳", 26.65, 106.63, 5, 1},
    {"南宁", 22.82, 108.37, 7, 1},
    {"南昌", 28.68, 115.86, 6, 1},
    {"太原", 37.87, 112.55, 5, 1},
    {"石家庄", 38.04, 114.51, 9, 2},
    {"兰州", 36.06, 103.83, 4, 1},
    {"乌鲁木齐", 43.83, 87.62, 4, 1},
    {"呼和浩特", 40.84, 111.75, 3, 1},
    {"海口", 20.04, 110.20, 3, 1},
    {"拉萨", 29.65, 91.14, 1, 1},
    {"银川", 38.49, 106.23, 2, 1},
    {"西宁", 36.62, 101.78, 2, 1},
    {"义乌", 29.31, 120.08, 2, 12},
    {"东莞", 23.02, 113.75, 9, 9},
    {"宁波", 29.87, 121.54, 8, 5},
    {"温州", 27.99, 120.70, 8, 5},
    {"泉州", 24.87, 118.68, 8, 6},
  };

  static final int COUNT = TABLE.length;
  private static final String[] NAMES = new String[COUNT];
  private static final double[] LAT = new double[COUNT];
  private static final double[] LON = new double[COUNT];
  private static final double[] BUYERS = new double[COUNT];
  private static final double[] SELLERS = new double[COUNT];

  static {
    for (int i = 0; i < COUNT; i++) {
      NAMES[i] = (String) TABLE[i][0];
      LAT[i] = Math.toRadians((Double) TABLE[i][1]);
      LON[i] = Math.toRadians((Double) TABLE[i][2]);
      BUYERS[i] = (Integer) TABLE[i][3];
      SELLERS[i] = (Integer) TABLE[i][4];
    }
  }

  private Cities() {}

  static String name(int city) {
    return NAMES[city];
  }

  static AliasTable buyerWeights() {
    return new AliasTable(BUYERS);
  }

  static AliasTable sellerWeights() {
    return new AliasTable(SELLERS);
  }

  /** Great-circle distance in km (haversine). */
  static double km(int a, int b) {
    if (a == b) {
      return 15;
    }
    double dLat = LAT[b] - LAT[a];
    double dLon = LON[b] - LON[a];
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(LAT[a]) * Math.cos(LAT[b]) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  /** The sorting hub a parcel passes between two cities: the big hub nearest the midpoint. */
  static int hub(int from, int to) {
    double lat = (LAT[from] + LAT[to]) / 2;
    double lon = (LON[from] + LON[to]) / 2;
    int best = HUBS[0];
    double bestD = Double.MAX_VALUE;
    for (int h : HUBS) {
      double d = Math.pow(LAT[h] - lat, 2) + Math.pow((LON[h] - lon) * Math.cos(lat), 2);
      if (d < bestD) {
        bestD = d;
        best = h;
      }
    }
    return best;
  }

  // 北京 上海 广州 杭州 成都 武汉 西安 郑州 沈阳
  private static final int[] HUBS = {0, 1, 2, 4, 7, 9, 10, 12, 14};
}
