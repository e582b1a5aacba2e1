/**
 * A municipality as its three-digit Statistics Finland code (e.g. 205 Kajaani). A client's home
 * municipality is recorded at intake as a code only, never an address.
 */
export const MUNICIPALITY_CODE_PATTERN = /^\d{3}$/;

/**
 * The municipalities of Kainuu, the region polku's demo and sources are from, by code. Other
 * codes are accepted and shown as the code.
 */
export const KAINUU_MUNICIPALITIES = {
  '105': 'Hyrynsalmi',
  '205': 'Kajaani',
  '290': 'Kuhmo',
  '578': 'Paltamo',
  '620': 'Puolanka',
  '697': 'Ristijärvi',
  '765': 'Sotkamo',
  '777': 'Suomussalmi',
} as const satisfies Record<string, string>;
