import { GeneratorOptionsError } from './errors';
import { parseDateText } from './parse-date';
import { createRng, nextGaussian, type Rng } from './rng';
import type { Column, Table } from './types';

/** Options of `generateHouseSales`. */
export interface HouseSalesOptions {
  /** Number of sales (default 12,000). */
  readonly rows?: number;
  /** Seeds every random draw (default 42). */
  readonly seed?: number;
  /** First day of the first month, `YYYY-MM-DD` (default `2023-01-01`). */
  readonly start?: string;
  /** Length of the period in months (default 30). */
  readonly months?: number;
  /**
   * Months of the market already past at the first generated month (default 0): the sales start
   * `firstMonth` months after `start`, with the drift of those later months (the example's fresh
   * windows use 30, the month after the template's data ends).
   */
  readonly firstMonth?: number;
}

interface Neighborhood {
  readonly name: string;
  readonly lat: number;
  readonly long: number;
  /** Price per square foot of a typical 2,000 sqft house at the start of the period. */
  readonly pricePerSqft: number;
  readonly meanYearBuilt: number;
  /** Median lot of a house, in sqft. */
  readonly lot: number;
  /** Share of houses / townhouses (the rest are condos). */
  readonly houseShare: number;
  readonly townhouseShare: number;
}

/** Eight Seattle-like neighborhoods; the fairness group of the example model. */
const NEIGHBORHOODS: readonly Neighborhood[] = [
  n('Downtown', 47.6062, -122.3321, 640, 1995, 2500, 0.1, 0.25),
  n('Capitol Hill', 47.6253, -122.3222, 560, 1950, 3800, 0.35, 0.3),
  n('Ballard', 47.6677, -122.3847, 480, 1965, 5000, 0.6, 0.25),
  n('Fremont', 47.651, -122.35, 500, 1960, 4500, 0.55, 0.25),
  n('West Seattle', 47.5667, -122.3868, 420, 1970, 6500, 0.8, 0.12),
  n('Beacon Hill', 47.5681, -122.3087, 380, 1955, 5500, 0.75, 0.15),
  n('Rainier Valley', 47.55, -122.278, 300, 1958, 6000, 0.8, 0.12),
  n('Northgate', 47.708, -122.325, 360, 1972, 7000, 0.75, 0.1),
];
/** The neighborhood that gentrifies from `GENTRIFICATION_MONTH` on. */
const GENTRIFYING = 6;
const GENTRIFICATION_MONTH = 18;
const PROPERTY_TYPES = ['house', 'townhouse', 'condo'] as const;
const CENTER = { lat: 47.6062, long: -122.3321 };
const MISSING_LOT_RATE = 0.03;
const MISSING_YEAR_RATE = 0.025;
const MS_PER_DAY = 86_400_000;

function n(
  name: string,
  lat: number,
  long: number,
  pricePerSqft: number,
  meanYearBuilt: number,
  lot: number,
  houseShare: number,
  townhouseShare: number,
): Neighborhood {
  return { name, lat, long, pricePerSqft, meanYearBuilt, lot, houseShare, townhouseShare };
}

/** Great-circle distance in km (haversine, Earth radius 6371 km). */
function distanceKm(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLong = (long2 - long1) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round = (x: number, step: number): number => Math.round(x / step) * step;
const roundDecimals = (x: number, decimals: number): number =>
  Math.round(x * 10 ** decimals) / 10 ** decimals;

function pick(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] ?? 0;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/**
 * Deterministic synthetic house sales (same options → same table, byte for byte once written),
 * sorted by sale date. The market drifts: prices rise about 0.5% a month; from month 18 on the
 * "Rainier Valley" neighborhood gentrifies (more sales, larger and newer houses, a price premium
 * ramping up to +35% over six months) and house sizes grow across the city. `sqft_lot` (~3%) and
 * `year_built` (~2.5%) have missing values. Price = price per sqft of the neighborhood × sqft^0.92
 * × effects of lot, condition, age, distance, type, month and gentrification × log-normal noise.
 */
export function generateHouseSales(options: HouseSalesOptions = {}): Table {
  const rows = options.rows ?? 12_000;
  const seed = options.seed ?? 42;
  const months = options.months ?? 30;
  const startText = options.start ?? '2023-01-01';
  const firstMonth = options.firstMonth ?? 0;
  if (!Number.isInteger(firstMonth) || firstMonth < 0) {
    throw new GeneratorOptionsError(
      `generateHouseSales: firstMonth must be an integer ≥ 0, got ${firstMonth}`,
    );
  }
  if (!Number.isInteger(rows) || rows < 1) {
    throw new GeneratorOptionsError(
      `generateHouseSales: rows must be a positive integer, got ${rows}`,
    );
  }
  if (!Number.isInteger(months) || months < 1) {
    throw new GeneratorOptionsError(
      `generateHouseSales: months must be a positive integer, got ${months}`,
    );
  }
  const start = parseDateText(startText);
  if (Number.isNaN(start) || start % MS_PER_DAY !== 0) {
    throw new GeneratorOptionsError(
      `generateHouseSales: start must be a date YYYY-MM-DD, got "${startText}"`,
    );
  }
  const startDate = new Date(start);
  const monthStart = (k: number): number =>
    Date.UTC(
      startDate.getUTCFullYear(),
      startDate.getUTCMonth() + firstMonth + k,
      startDate.getUTCDate(),
    );
  const rng = createRng(seed);

  // Sale dates first, sorted, so that every other draw happens in date order.
  const dates = new Float64Array(rows);
  const monthOf = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const month = rng.nextInt(months);
    const days = Math.round((monthStart(month + 1) - monthStart(month)) / MS_PER_DAY);
    dates[i] = monthStart(month) + rng.nextInt(days) * MS_PER_DAY;
  }
  dates.sort();
  for (let i = 0, month = 0; i < rows; i++) {
    while (month < months - 1 && (dates[i] ?? 0) >= monthStart(month + 1)) month++;
    monthOf[i] = month;
  }

  const price = new Float64Array(rows);
  const sqftLiving = new Float64Array(rows);
  const sqftLot = new Float64Array(rows);
  const bedrooms = new Float64Array(rows);
  const bathrooms = new Float64Array(rows);
  const floors = new Float64Array(rows);
  const yearBuilt = new Float64Array(rows);
  const condition = new Float64Array(rows);
  const neighborhood = new Int32Array(rows);
  const propertyType = new Int32Array(rows);
  const lat = new Float64Array(rows);
  const long = new Float64Array(rows);
  const distance = new Float64Array(rows);
  const weights = NEIGHBORHOODS.map(() => 1);

  for (let i = 0; i < rows; i++) {
    const month = firstMonth + (monthOf[i] ?? 0);
    const saleYear = new Date(dates[i] ?? 0).getUTCFullYear();
    const gentrified = clamp((month - GENTRIFICATION_MONTH) / 6, 0, 1);
    const sizeShift = clamp((month - 12) / 18, 0, 1);
    weights[GENTRIFYING] = 1 + 0.8 * gentrified;
    const hood = pick(rng, weights);
    const place = NEIGHBORHOODS[hood] as Neighborhood;
    const isGentrifying = hood === GENTRIFYING ? gentrified : 0;
    const type = pick(rng, [
      place.houseShare,
      place.townhouseShare,
      1 - place.houseShare - place.townhouseShare,
    ]);
    const medianSqft = type === 0 ? 2000 : type === 1 ? 1450 : 900;
    const sqft = Math.max(
      350,
      round(
        medianSqft *
          Math.exp(0.3 * nextGaussian(rng)) *
          (1 + 0.08 * sizeShift) *
          (1 + 0.3 * isGentrifying),
        10,
      ),
    );
    const lotMedian = type === 0 ? place.lot : type === 1 ? place.lot * 0.4 : 1000;
    const lot = Math.max(500, round(lotMedian * Math.exp(0.45 * nextGaussian(rng)), 10));
    const beds = clamp(Math.round(sqft / 650 + 0.6 * nextGaussian(rng) + 0.3), 1, 7);
    const baths = clamp(round(0.75 + beds * 0.45 + 0.35 * nextGaussian(rng), 0.25), 0.75, 5.5);
    const floorCount =
      type === 2
        ? 1
        : type === 1
          ? ([2, 3][pick(rng, [0.55, 0.45])] ?? 2)
          : ([1, 1.5, 2, 3][pick(rng, [0.45, 0.1, 0.4, 0.05])] ?? 1);
    const newBuild = rng.next() < 0.04 + 0.3 * isGentrifying;
    const built = newBuild
      ? saleYear - rng.nextInt(3)
      : clamp(Math.round(place.meanYearBuilt + 25 * nextGaussian(rng)), 1900, saleYear);
    const age = saleYear - built;
    const cond = clamp(
      Math.round(3 + 0.8 * nextGaussian(rng) + (age < 10 ? 0.8 : 0) - (age > 70 ? 0.4 : 0)),
      1,
      5,
    );
    const houseLat = roundDecimals(place.lat + 0.008 * nextGaussian(rng), 5);
    const houseLong = roundDecimals(place.long + 0.011 * nextGaussian(rng), 5);
    const km = distanceKm(CENTER.lat, CENTER.long, houseLat, houseLong);
    const value =
      place.pricePerSqft *
      1.84 *
      sqft ** 0.92 *
      (type === 0 ? (lot / 5000) ** 0.06 : 1) *
      (1 + 0.06 * (cond - 3)) *
      (1 + 0.12 * Math.exp(-age / 8) + (age > 80 ? 0.06 : 0)) *
      Math.exp(-0.012 * km) *
      (1 + 0.04 * (baths - beds * 0.5)) *
      (type === 0 ? 1 : type === 1 ? 0.95 : 0.9) *
      1.005 ** month *
      (1 + 0.35 * isGentrifying) *
      Math.exp(0.12 * nextGaussian(rng));
    price[i] = round(value, 1000);
    sqftLiving[i] = sqft;
    sqftLot[i] = rng.next() < MISSING_LOT_RATE ? Number.NaN : lot;
    bedrooms[i] = beds;
    bathrooms[i] = baths;
    floors[i] = floorCount;
    yearBuilt[i] = rng.next() < MISSING_YEAR_RATE ? Number.NaN : built;
    condition[i] = cond;
    neighborhood[i] = hood;
    propertyType[i] = type;
    lat[i] = houseLat;
    long[i] = houseLong;
    distance[i] = roundDecimals(km, 2);
  }

  const numeric = (name: string, values: Float64Array): Column => ({
    kind: 'numeric',
    name,
    values,
  });
  const columns: Column[] = [
    { kind: 'date', name: 'sale_date', values: dates },
    numeric('price', price),
    numeric('sqft_living', sqftLiving),
    numeric('sqft_lot', sqftLot),
    numeric('bedrooms', bedrooms),
    numeric('bathrooms', bathrooms),
    numeric('floors', floors),
    numeric('year_built', yearBuilt),
    numeric('condition', condition),
    {
      kind: 'categorical',
      name: 'neighborhood',
      codes: neighborhood,
      levels: NEIGHBORHOODS.map((place) => place.name),
    },
    {
      kind: 'categorical',
      name: 'property_type',
      codes: propertyType,
      levels: [...PROPERTY_TYPES],
    },
    numeric('lat', lat),
    numeric('long', long),
    numeric('distance_to_center_km', distance),
  ];
  return {
    rowCount: rows,
    columns: new Map(columns.map((column) => [column.name, column])),
    source: `generated house sales (seed ${seed})`,
  };
}
