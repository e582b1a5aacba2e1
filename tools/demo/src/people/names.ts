// Small lists of common names for synthetic clients: Finnish, Finland-Swedish, and names common
// among Somali- and Arabic-speaking people in Finland for the immigrant persona. Any likeness to
// a real person is chance: names are combined at random with artificial identity codes.

export interface NameList {
  readonly women: readonly string[];
  readonly men: readonly string[];
  readonly family: readonly string[];
}

export const FINNISH_NAMES: NameList = {
  women: [
    'Aino',
    'Anna',
    'Elina',
    'Hanna',
    'Johanna',
    'Katja',
    'Laura',
    'Minna',
    'Niina',
    'Pirjo',
    'Riikka',
    'Sari',
    'Tiina',
    'Ulla',
    'Veera',
  ],
  men: [
    'Antti',
    'Eero',
    'Heikki',
    'Jari',
    'Juha',
    'Kari',
    'Lauri',
    'Markku',
    'Mikko',
    'Pekka',
    'Sami',
    'Teemu',
    'Timo',
    'Ville',
    'Jussi',
  ],
  family: [
    'Heikkinen',
    'Huotari',
    'Kemppainen',
    'Kinnunen',
    'Komulainen',
    'Korhonen',
    'Leinonen',
    'Moilanen',
    'Pulkkinen',
    'Räsänen',
    'Seppänen',
    'Tervo',
    'Tolonen',
    'Väisänen',
    'Karjalainen',
  ],
};

export const SWEDISH_NAMES: NameList = {
  women: ['Annika', 'Ebba', 'Ingrid', 'Linnea', 'Maria', 'Sofia', 'Stina', 'Vera'],
  men: ['Anders', 'Björn', 'Erik', 'Fredrik', 'Johan', 'Mats', 'Nils', 'Oskar'],
  family: [
    'Andersson',
    'Björklund',
    'Ekholm',
    'Holmberg',
    'Lindqvist',
    'Nyström',
    'Sjöberg',
    'Westerlund',
  ],
};

export const IMMIGRANT_NAMES: NameList = {
  women: ['Amina', 'Fatima', 'Hodan', 'Leila', 'Maryam', 'Sahra'],
  men: ['Abdi', 'Ahmed', 'Ali', 'Hassan', 'Mohamed', 'Yusuf'],
  family: ['Abdullahi', 'Ali', 'Farah', 'Hassan', 'Mohamed', 'Osman', 'Warsame', 'Yusuf'],
};
