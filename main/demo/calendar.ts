/** Calendar effects the demo series carry: Spring Festival month, 2020 and 2022 shocks. */

/** Month (1 or 2) in which the lunar new year falls. */
const SPRING_FESTIVAL: Record<number, number> = {
  2014: 1, 2015: 2, 2016: 2, 2017: 1, 2018: 2, 2019: 2, 2020: 1, 2021: 2, 2022: 2, 2023: 1,
  2024: 2, 2025: 1, 2026: 2, 2027: 2, 2028: 1, 2029: 2, 2030: 2,
};

export function springFestivalMonth(year: number): number {
  return SPRING_FESTIVAL[year] ?? 2;
}

/** Intensity 0..1 of the 2020 pandemic shock by month. */
const SHOCK_2020: Record<string, number> = {
  '2020-01': 0.25, '2020-02': 1, '2020-03': 0.85, '2020-04': 0.65, '2020-05': 0.48, '2020-06': 0.36,
  '2020-07': 0.27, '2020-08': 0.2, '2020-09': 0.14, '2020-10': 0.1, '2020-11': 0.07, '2020-12': 0.05,
};

/** Intensity 0..1 of the 2022 spring and winter disruptions. */
const SHOCK_2022: Record<string, number> = {
  '2022-03': 0.2, '2022-04': 0.55, '2022-05': 0.45, '2022-06': 0.2, '2022-07': 0.08,
  '2022-11': 0.2, '2022-12': 0.4, '2023-01': 0.15,
};

export function shock(period: string): number {
  return (SHOCK_2020[period] ?? 0) + 0.6 * (SHOCK_2022[period] ?? 0);
}
