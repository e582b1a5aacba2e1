import type { KAINUU_MUNICIPALITIES } from '@polku/contracts';
import type { Weighted } from '../random/seeded-random';

/** A Kainuu municipality's Statistics Finland code. */
export type MunicipalityCode = keyof typeof KAINUU_MUNICIPALITIES;

/**
 * Approximate populations of the Kainuu municipalities (Statistics Finland, end of 2023, rounded
 * to hundreds): clients are drawn in proportion to them.
 */
export const KAINUU_POPULATION: Readonly<Record<MunicipalityCode, number>> = {
  '205': 36_400, // Kajaani
  '765': 10_300, // Sotkamo
  '290': 8_000, // Kuhmo
  '777': 7_500, // Suomussalmi
  '578': 3_200, // Paltamo
  '620': 2_500, // Puolanka
  '105': 2_100, // Hyrynsalmi
  '697': 1_300, // Ristijärvi
};

export const MUNICIPALITY_WEIGHTS: Weighted<MunicipalityCode> = Object.entries(
  KAINUU_POPULATION,
).map(([code, population]) => [code as MunicipalityCode, population] as const);

/**
 * Whether the municipality is a larger one in the sense of the source's destinations (about a
 * third to unemployment in larger municipalities, almost all in smaller ones; docs/dashboards.md):
 * in Kainuu only Kajaani is.
 */
export function isLargerMunicipality(code: MunicipalityCode): boolean {
  return code === '205';
}
