/**
 * Hand-written, generic lexicons: world knowledge that no news article needs to teach
 * (seas, world regions, international organisations, well-known armed groups, metonyms,
 * titles, boilerplate). Nothing here is taken from any evaluation document.
 * Country and city names come from npm data packages, compiled into models/gazetteer.json
 * by scripts/train.ts.
 */

import type { NameType } from "./types.js";

export interface LexEntry {
  name: string;
  type: NameType;
  aliases?: string[];
  /** [lon, lat] */
  coordinates?: [number, number];
  within?: string;
}

/** Seas, oceans, gulfs, straits, big rivers and lakes. */
export const WATER: LexEntry[] = [
  { name: "Mediterranean Sea", type: "water", aliases: ["Mediterranean", "the Med", "Eastern Mediterranean"], coordinates: [18, 35] },
  { name: "Black Sea", type: "water", coordinates: [34, 43.4] },
  { name: "Red Sea", type: "water", coordinates: [38, 20] },
  { name: "Caspian Sea", type: "water", aliases: ["Caspian"], coordinates: [51, 41.7] },
  { name: "Baltic Sea", type: "water", aliases: ["Baltic"], coordinates: [19, 58] },
  { name: "North Sea", type: "water", coordinates: [3, 56] },
  { name: "Norwegian Sea", type: "water", coordinates: [2, 69] },
  { name: "Barents Sea", type: "water", coordinates: [40, 74] },
  { name: "South China Sea", type: "water", coordinates: [114, 12] },
  { name: "East China Sea", type: "water", coordinates: [125, 29] },
  { name: "Yellow Sea", type: "water", coordinates: [123, 36] },
  { name: "Sea of Japan", type: "water", aliases: ["East Sea"], coordinates: [135, 40] },
  { name: "Sea of Azov", type: "water", coordinates: [36.5, 46] },
  { name: "Sea of Okhotsk", type: "water", coordinates: [150, 55] },
  { name: "Arabian Sea", type: "water", coordinates: [65, 15] },
  { name: "Aegean Sea", type: "water", aliases: ["Aegean"], coordinates: [25, 39] },
  { name: "Adriatic Sea", type: "water", aliases: ["Adriatic"], coordinates: [15.5, 43] },
  { name: "Ionian Sea", type: "water", coordinates: [19, 38] },
  { name: "Tyrrhenian Sea", type: "water", coordinates: [12, 40] },
  { name: "Caribbean Sea", type: "water", aliases: ["Caribbean"], coordinates: [-75, 15] },
  { name: "Coral Sea", type: "water", coordinates: [155, -18] },
  { name: "Tasman Sea", type: "water", coordinates: [160, -40] },
  { name: "Philippine Sea", type: "water", coordinates: [130, 20] },
  { name: "Bering Sea", type: "water", coordinates: [-178, 58] },
  { name: "Persian Gulf", type: "water", aliases: ["Arabian Gulf", "the Gulf"], coordinates: [51, 27] },
  { name: "Gulf of Aden", type: "water", coordinates: [48, 12] },
  { name: "Gulf of Oman", type: "water", coordinates: [58, 24.5] },
  { name: "Gulf of Mexico", type: "water", aliases: ["Gulf of America"], coordinates: [-90, 25] },
  { name: "Gulf of Guinea", type: "water", coordinates: [3, 2] },
  { name: "Gulf of Finland", type: "water", coordinates: [26, 60] },
  { name: "Gulf of Bothnia", type: "water", coordinates: [20, 63] },
  { name: "Gulf of Thailand", type: "water", coordinates: [101.5, 10] },
  { name: "Bay of Bengal", type: "water", coordinates: [88, 15] },
  { name: "Bay of Biscay", type: "water", coordinates: [-4, 45] },
  { name: "Strait of Hormuz", type: "water", coordinates: [56.5, 26.6] },
  { name: "Bab el-Mandeb", type: "water", aliases: ["Bab al-Mandab", "Bab-el-Mandeb"], coordinates: [43.4, 12.6] },
  { name: "Strait of Malacca", type: "water", aliases: ["Malacca Strait"], coordinates: [100, 4] },
  { name: "Taiwan Strait", type: "water", coordinates: [119.5, 24] },
  { name: "Kerch Strait", type: "water", coordinates: [36.6, 45.3] },
  { name: "Strait of Gibraltar", type: "water", coordinates: [-5.6, 35.95] },
  { name: "Bosphorus", type: "water", aliases: ["Bosporus"], coordinates: [29.05, 41.1] },
  { name: "Dardanelles", type: "water", coordinates: [26.4, 40.2] },
  { name: "English Channel", type: "water", coordinates: [-2, 50.2] },
  { name: "Suez Canal", type: "water", coordinates: [32.35, 30.6] },
  { name: "Panama Canal", type: "water", coordinates: [-79.7, 9.1] },
  { name: "Atlantic Ocean", type: "water", aliases: ["Atlantic", "North Atlantic", "South Atlantic"], coordinates: [-30, 20] },
  { name: "Pacific Ocean", type: "water", aliases: ["Pacific"], coordinates: [-160, 0] },
  { name: "Indian Ocean", type: "water", coordinates: [80, -20] },
  { name: "Arctic Ocean", type: "water", coordinates: [0, 85] },
  { name: "Southern Ocean", type: "water", coordinates: [0, -65] },
  { name: "Euphrates", type: "water", aliases: ["Euphrates River"], coordinates: [40.1, 35] },
  { name: "Tigris", type: "water", aliases: ["Tigris River"], coordinates: [44.4, 33.3] },
  { name: "Nile", type: "water", aliases: ["Nile River", "River Nile"], coordinates: [31.2, 30] },
  { name: "Danube", type: "water", aliases: ["Danube River"], coordinates: [19, 47.5] },
  { name: "Dnipro", type: "water", aliases: ["Dnieper", "Dnipro River", "Dnieper River"], coordinates: [33.5, 47] },
  { name: "Jordan River", type: "water", coordinates: [35.55, 32.3] },
  { name: "Rhine", type: "water", aliases: ["Rhine River"], coordinates: [7.6, 50.3] },
  { name: "Mississippi River", type: "water", coordinates: [-90.1, 35] },
  { name: "Amazon River", type: "water", coordinates: [-60, -3] },
  { name: "Yangtze", type: "water", aliases: ["Yangtze River"], coordinates: [112, 30.5] },
  { name: "Mekong", type: "water", aliases: ["Mekong River"], coordinates: [105.8, 15] },
  { name: "Lake Chad", type: "water", coordinates: [14.3, 13.2] },
  { name: "Lake Victoria", type: "water", coordinates: [33, -1] },
];

/** World regions and well-known territories that are not countries. */
export const REGIONS: LexEntry[] = [
  { name: "Middle East", type: "region", aliases: ["Mideast"], coordinates: [45, 29] },
  { name: "Europe", type: "region", aliases: ["Eastern Europe", "Western Europe", "Central Europe", "Northern Europe", "Southern Europe"], coordinates: [15, 50] },
  { name: "Asia", type: "region", aliases: ["East Asia", "South Asia", "Asia-Pacific", "Asia Pacific", "Indo-Pacific"], coordinates: [100, 34] },
  { name: "Southeast Asia", type: "region", aliases: ["South East Asia", "South-East Asia"], coordinates: [110, 5] },
  { name: "Central Asia", type: "region", coordinates: [66, 43] },
  { name: "Africa", type: "region", aliases: ["North Africa", "West Africa", "East Africa", "Southern Africa", "Central Africa", "Sub-Saharan Africa"], coordinates: [20, 5] },
  { name: "Sahel", type: "region", coordinates: [5, 15] },
  { name: "Horn of Africa", type: "region", coordinates: [45, 8] },
  { name: "North America", type: "region", coordinates: [-100, 45] },
  { name: "South America", type: "region", coordinates: [-60, -15] },
  { name: "Latin America", type: "region", aliases: ["Central America"], coordinates: [-75, -5] },
  { name: "Oceania", type: "region", coordinates: [140, -25] },
  { name: "Antarctica", type: "region", coordinates: [0, -82] },
  { name: "Arctic", type: "region", coordinates: [0, 80] },
  { name: "Balkans", type: "region", aliases: ["Western Balkans"], coordinates: [20.5, 43] },
  { name: "Caucasus", type: "region", aliases: ["North Caucasus", "South Caucasus"], coordinates: [44, 42.5] },
  { name: "Levant", type: "region", coordinates: [36, 33.5] },
  { name: "Gulf region", type: "region", coordinates: [51, 26] },
  { name: "Scandinavia", type: "region", coordinates: [15, 62] },
  { name: "Gaza Strip", type: "region", aliases: ["Gaza"], coordinates: [34.4, 31.4], within: "Palestine" },
  { name: "West Bank", type: "region", coordinates: [35.25, 31.95], within: "Palestine" },
  { name: "Golan Heights", type: "region", aliases: ["Golan"], coordinates: [35.75, 33], within: "Syria" },
  { name: "Crimea", type: "region", aliases: ["Crimean Peninsula"], coordinates: [34.1, 45.3], within: "Ukraine" },
  { name: "Donbas", type: "region", aliases: ["Donbass"], coordinates: [38.5, 48.2], within: "Ukraine" },
  { name: "Kurdistan", type: "region", aliases: ["Iraqi Kurdistan", "Kurdistan Region"], coordinates: [44, 36.4] },
  { name: "Kashmir", type: "region", coordinates: [75, 34.5] },
  { name: "Tigray", type: "region", coordinates: [39, 14], within: "Ethiopia" },
  { name: "Darfur", type: "region", coordinates: [24, 13.5], within: "Sudan" },
  { name: "Western Sahara", type: "region", coordinates: [-13, 24.5] },
  { name: "Siberia", type: "region", coordinates: [100, 60], within: "Russia" },
  { name: "Sinai", type: "region", aliases: ["Sinai Peninsula"], coordinates: [33.8, 29.5], within: "Egypt" },
  { name: "Idlib Province", type: "region", aliases: ["Idlib Governorate"], coordinates: [36.6, 35.8], within: "Syria" },
  { name: "Korean Peninsula", type: "region", coordinates: [127.5, 37.5] },
  { name: "Pacific Northwest", type: "region", coordinates: [-122, 46] },
  { name: "Midwest", type: "region", coordinates: [-90, 42] },
  { name: "Persian Gulf region", type: "region", coordinates: [51, 26] },
  // former states (no longer in the country data, still named in news): places, not organisations
  { name: "Soviet Union", type: "region", aliases: ["USSR", "U.S.S.R."], coordinates: [60, 60] },
  { name: "Yugoslavia", type: "region", coordinates: [20.5, 44] },
  { name: "Czechoslovakia", type: "region", coordinates: [17, 49.5] },
  { name: "East Germany", type: "region", coordinates: [12.5, 52] },
  { name: "West Germany", type: "region", coordinates: [8.5, 50.5] },
  { name: "Ottoman Empire", type: "region", coordinates: [32, 39] },
];

/** Well-known international and state organisations (type organization). */
export const ORGS: LexEntry[] = [
  { name: "NATO", type: "organization", aliases: ["North Atlantic Treaty Organization", "N.A.T.O."] },
  { name: "United Nations", type: "organization", aliases: ["UN", "U.N."] },
  { name: "UN Security Council", type: "organization", aliases: ["United Nations Security Council", "U.N. Security Council", "Security Council"] },
  { name: "European Union", type: "organization", aliases: ["EU", "E.U."] },
  { name: "European Commission", type: "organization" },
  { name: "African Union", type: "organization", aliases: ["AU"] },
  { name: "Arab League", type: "organization" },
  { name: "OPEC", type: "organization" },
  { name: "World Health Organization", type: "organization", aliases: ["World Health Organisation", "WHO"] },
  { name: "International Atomic Energy Agency", type: "organization", aliases: ["IAEA"] },
  { name: "International Monetary Fund", type: "organization", aliases: ["IMF"] },
  { name: "World Bank", type: "organization" },
  { name: "International Criminal Court", type: "organization", aliases: ["ICC"] },
  { name: "International Court of Justice", type: "organization", aliases: ["ICJ"] },
  { name: "UNHCR", type: "organization" },
  { name: "UNICEF", type: "organization" },
  { name: "International Committee of the Red Cross", type: "organization", aliases: ["ICRC"] },
  { name: "Red Cross", type: "organization" },
  { name: "OSCE", type: "organization" },
  { name: "ASEAN", type: "organization" },
  { name: "Interpol", type: "organization" },
  { name: "Pentagon", type: "organization" },
  { name: "Kremlin", type: "organization" },
  { name: "White House", type: "organization" },
  { name: "Downing Street", type: "organization" },
  { name: "Elysee Palace", type: "organization", aliases: ["Élysée Palace", "Élysée", "Elysee"] },
  { name: "State Department", type: "organization", aliases: ["U.S. State Department", "US State Department"] },
  { name: "CIA", type: "organization", aliases: ["Central Intelligence Agency"] },
  { name: "FBI", type: "organization", aliases: ["Federal Bureau of Investigation"] },
  { name: "Mossad", type: "organization" },
  { name: "IDF", type: "organization", aliases: ["Israel Defense Forces"] },
  { name: "Reuters", type: "organization" },
  { name: "Associated Press", type: "organization", aliases: ["AP"] },
  { name: "Agence France-Presse", type: "organization", aliases: ["AFP"] },
  { name: "CNN", type: "organization" },
  { name: "BBC", type: "organization" },
];

/** Well-known armed groups (generic knowledge). */
export const ARMED: LexEntry[] = [
  { name: "ISIS", type: "armed-group", aliases: ["ISIL", "Islamic State", "Daesh", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant", "IS"] },
  { name: "ISIS-K", type: "armed-group", aliases: ["Islamic State Khorasan", "ISKP"] },
  { name: "al-Qaeda", type: "armed-group", aliases: ["al-Qaida", "Al Qaeda", "Al-Qaeda", "al Qaeda", "AQAP", "al-Qaeda in the Arabian Peninsula"] },
  { name: "Hayat Tahrir al-Sham", type: "armed-group", aliases: ["HTS", "Hayat Tahrir al Sham", "Tahrir al-Sham"] },
  { name: "al-Nusra Front", type: "armed-group", aliases: ["Nusra Front", "Jabhat al-Nusra", "al-Nusra"] },
  { name: "Taliban", type: "armed-group" },
  { name: "Hezbollah", type: "armed-group", aliases: ["Hizbollah", "Hizballah"] },
  { name: "Hamas", type: "armed-group" },
  { name: "Palestinian Islamic Jihad", type: "armed-group", aliases: ["Islamic Jihad"] },
  { name: "Houthis", type: "armed-group", aliases: ["Houthi", "Ansar Allah", "Ansarallah", "Houthi rebels", "Houthi movement"] },
  { name: "Boko Haram", type: "armed-group" },
  { name: "al-Shabaab", type: "armed-group", aliases: ["Al-Shabaab", "al Shabaab", "Shabaab"] },
  { name: "Wagner Group", type: "armed-group", aliases: ["Wagner", "Africa Corps"] },
  { name: "PKK", type: "armed-group", aliases: ["Kurdistan Workers' Party", "Kurdistan Workers Party"] },
  { name: "YPG", type: "armed-group", aliases: ["People's Protection Units"] },
  { name: "Syrian Democratic Forces", type: "armed-group", aliases: ["SDF"] },
  { name: "Free Syrian Army", type: "armed-group", aliases: ["FSA"] },
  { name: "Syrian National Army", type: "armed-group", aliases: ["SNA"] },
  { name: "Rapid Support Forces", type: "armed-group", aliases: ["RSF"] },
  { name: "Janjaweed", type: "armed-group" },
  { name: "M23", type: "armed-group", aliases: ["March 23 Movement"] },
  { name: "FARC", type: "armed-group", aliases: ["Revolutionary Armed Forces of Colombia"] },
  { name: "ELN", type: "armed-group", aliases: ["National Liberation Army"] },
  { name: "Lashkar-e-Taiba", type: "armed-group", aliases: ["LeT", "Lashkar-e-Tayyiba"] },
  { name: "Jaish-e-Mohammed", type: "armed-group", aliases: ["JeM"] },
  { name: "Kataib Hezbollah", type: "armed-group", aliases: ["Kata'ib Hezbollah"] },
  { name: "Popular Mobilization Forces", type: "armed-group", aliases: ["PMF", "Popular Mobilisation Forces", "Hashd al-Shaabi"] },
  { name: "Abu Sayyaf", type: "armed-group" },
  { name: "JNIM", type: "armed-group", aliases: ["Jama'at Nasr al-Islam wal Muslimin"] },
  { name: "Tamil Tigers", type: "armed-group", aliases: ["LTTE"] },
  { name: "Shining Path", type: "armed-group" },
  { name: "Lord's Resistance Army", type: "armed-group", aliases: ["LRA"] },
  { name: "Al-Aqsa Martyrs' Brigades", type: "armed-group" },
  { name: "Qassam Brigades", type: "armed-group", aliases: ["Izz ad-Din al-Qassam Brigades", "al-Qassam Brigades"] },
];

/** Well-known military bases (generic knowledge), with [lon, lat]. */
export const BASES: LexEntry[] = [
  { name: "Khmeimim Air Base", type: "base", aliases: ["Khmeimim", "Hmeimim", "Hmeimim Air Base", "Khmeimim airbase", "Hmeimim airbase"], coordinates: [35.9487, 35.4011], within: "Syria" },
  { name: "Tartus naval base", type: "base", aliases: ["Tartus naval facility", "Tartus port facility", "Tartus naval facility", "Tartous naval base"], coordinates: [35.87, 34.905], within: "Syria" },
  { name: "Incirlik Air Base", type: "base", aliases: ["Incirlik"], coordinates: [35.4259, 37.0021], within: "Turkey" },
  { name: "Ramstein Air Base", type: "base", aliases: ["Ramstein"], coordinates: [7.6003, 49.4369], within: "Germany" },
  { name: "Al Udeid Air Base", type: "base", aliases: ["Al Udeid", "Al-Udeid"], coordinates: [51.3150, 25.1173], within: "Qatar" },
  { name: "Bagram Air Base", type: "base", aliases: ["Bagram", "Bagram Airfield"], coordinates: [69.2650, 34.9461], within: "Afghanistan" },
  { name: "Ain al-Asad Air Base", type: "base", aliases: ["Al Asad Air Base", "Ain al-Asad", "Al-Asad Air Base"], coordinates: [42.4412, 33.7856], within: "Iraq" },
  { name: "Camp Lemonnier", type: "base", coordinates: [43.1456, 11.5474], within: "Djibouti" },
  { name: "Diego Garcia", type: "base", coordinates: [72.4111, -7.3133] },
  { name: "Guantanamo Bay Naval Base", type: "base", aliases: ["Guantanamo Bay", "Guantanamo", "Gitmo"], coordinates: [-75.0970, 19.9060], within: "Cuba" },
  { name: "Al-Tanf", type: "base", aliases: ["al-Tanf garrison", "Tanf"], coordinates: [38.6500, 33.4950], within: "Syria" },
  { name: "Shayrat Air Base", type: "base", aliases: ["Shayrat"], coordinates: [36.9090, 34.4900], within: "Syria" },
  { name: "Sevastopol Naval Base", type: "base", coordinates: [33.5250, 44.6160], within: "Ukraine" },
  { name: "Aviano Air Base", type: "base", aliases: ["Aviano"], coordinates: [12.5965, 46.0319], within: "Italy" },
  { name: "Kadena Air Base", type: "base", aliases: ["Kadena"], coordinates: [127.7676, 26.3556], within: "Japan" },
  { name: "Camp Humphreys", type: "base", coordinates: [127.0310, 36.9630], within: "South Korea" },
  { name: "Al Dhafra Air Base", type: "base", aliases: ["Al Dhafra"], coordinates: [54.5477, 24.2482], within: "United Arab Emirates" },
  { name: "Prince Sultan Air Base", type: "base", coordinates: [47.5805, 24.0627], within: "Saudi Arabia" },
];

/**
 * Titles and honorifics that may stand before a person's name and are not part of it.
 * Lower case; multi-word titles are matched token by token.
 */
export const TITLES = new Set([
  "president", "vice-president", "vice", "prime", "minister", "secretary", "spokesperson", "spokesman",
  "spokeswoman", "ambassador", "general", "gen.", "commander", "chief", "director", "chairman",
  "chairwoman", "chair", "governor", "gov.", "senator", "sen.", "representative", "rep.", "mayor", "king",
  "queen", "prince", "princess", "crown", "sheikh", "sheik", "emir", "ayatollah", "pope", "bishop",
  "archbishop", "cardinal", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "miss", "sir", "dame",
  "lord", "lady", "professor", "prof.", "judge", "justice", "attorney", "envoy", "chancellor",
  "premier", "colonel", "col.", "lieutenant", "lt.", "sergeant", "sgt.", "captain", "capt.", "admiral",
  "adm.", "marshal", "field", "brigadier", "maj.", "major", "imam", "rabbi", "father", "reverend",
  "rev.", "emeritus", "deputy", "officer", "sheriff", "coach", "undersecretary", "under-secretary", "secretary-general",
  "administrator", "councillor", "councilor", "congressman", "congresswoman", "speaker",
  "president-elect", "foreign", "defense", "defence", "interior", "finance", "state", "supreme",
  "leader", "detective", "inspector", "superintendent", "commissioner", "mp", "lawmaker", "cleric",
  "head", "chief-of-staff", "ceo", "chief executive", "founder", "co-founder", "executive", "agent",
  "minister-president", "generalissimo", "pres.", "dictator", "strongman", "warlord", "senior",
  "former", "acting", "interim", "then-president", "late", "retired", "ex-president", "mrs", "saint",
]);

/** Role nouns: the head of a role phrase before a name ("Kremlin spokesperson"). Lower case. */
export const ROLE_HEADS = new Set([
  "president", "vice-president", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
  "ambassador", "general", "gen.", "commander", "chief", "director", "chairman", "chairwoman", "governor",
  "gov.", "senator", "sen.", "representative", "rep.", "mayor", "king", "queen", "prince", "princess",
  "sheikh", "emir", "ayatollah", "pope", "bishop", "archbishop", "cardinal", "professor", "prof.",
  "judge", "justice", "envoy", "chancellor", "premier", "colonel", "col.", "lieutenant", "lt.",
  "sergeant", "sgt.", "captain", "capt.", "admiral", "adm.", "marshal", "brigadier", "imam", "rabbi",
  "deputy", "officer", "sheriff", "coach", "undersecretary", "under-secretary", "secretary-general", "administrator",
  "councillor", "councilor", "congressman", "congresswoman", "speaker", "president-elect", "leader",
  "detective", "inspector", "superintendent", "commissioner", "mp", "lawmaker", "cleric", "head",
  "ceo", "founder", "co-founder", "executive", "agent", "analyst", "correspondent", "reporter", "editor",
  "attorney", "lawyer", "adviser", "advisor", "negotiator", "diplomat", "official", "economist",
  "member", "manager", "player", "striker", "midfielder", "defender", "goalkeeper", "actor", "actress",
  "singer", "artist", "author", "writer", "scientist", "researcher", "biologist", "student", "candidate",
  "activist", "campaigner", "photographer", "curator", "historian", "astronaut", "pilot",
  "state", "staff", "affairs", "defense", "defence", "interior", "minister-president", "dictator",
  "strongman", "warlord", "mufti", "monarch", "emperor", "tsar", "czar", "chief-of-staff", "designate",
  "winner", "laureate", "champion", "nominee", "veteran", "legend", "survivor", "founder", "creator",
  "scientologist", "councilman", "councilwoman", "assemblyman", "assemblywoman", "delegate",
  "democrat", "republican", "whip", "majority", "minority", "chair", "chairperson",
]);

/** Nouns that make a demonym adjective a mention of the state ("Russian military" → Russia). Lower case. */
export const STATE_NOUNS = new Set([
  "military", "forces", "force", "troops", "army", "navy", "air", "airforce", "government", "officials",
  "official", "authorities", "authority", "president", "minister", "ministry", "leader", "leaders",
  "leadership", "regime", "state", "efforts", "effort", "withdrawal", "influence", "presence",
  "defenses", "defences", "defense", "defence", "diplomats", "diplomat", "embassy", "soldiers",
  "warplanes", "jets", "aircraft", "warships", "ships", "vessels", "fleet", "missiles", "drones",
  "strikes", "airstrikes", "air-strikes", "bombing", "bombardment", "offensive", "invasion",
  "occupation", "sanctions", "parliament", "congress", "administration", "prime", "foreign",
  "intelligence", "security", "police", "border", "coast", "naval", "nuclear", "side", "delegation",
  "negotiators", "envoy", "ambassador", "spokesperson", "spokesman", "cabinet", "military's",
  "assets", "bases", "base", "operations", "operation", "campaign", "involvement", "support",
  "backing", "interests", "policy", "strategy", "position", "positions", "units", "personnel",
  "commanders", "generals", "contractors", "mercenaries", "counterpart", "counterparts",
  "capabilities", "deployment", "aid", "economy", "central", "courts", "court", "judiciary",
  "crown", "king", "queen", "prince", "monarch", "royal", "coalition", "embassy's", "consulate",
  "prosecutors", "ministers", "armed", "special", "defence-ministry", "defense-ministry",
]);

/** Cue nouns after a name that make it an armed group ("Houthi rebels"). Lower case. */
export const ARMED_CUES_AFTER = new Set([
  "militia", "militias", "rebels", "rebel", "insurgents", "militants", "fighters", "guerrillas",
  "guerrilla", "jihadists", "paramilitaries", "paramilitary", "gunmen",
]);

/** Last words of a name that make it an armed group ("Nusra Front", "Qassam Brigades"). */
export const ARMED_NAME_HEADS = new Set([
  "Brigade", "Brigades", "Front", "Militia", "Militias", "Battalion", "Battalions", "Mujahideen",
  "Mujahedeen", "Guerrillas", "Rebels",
]);

/** Last words of organisation names. */
export const ORG_HEADS = new Set([
  "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Company", "Co.", "Ltd.", "Ltd", "LLC", "Group",
  "Ministry", "Council", "University", "College", "Institute", "Agency", "Department", "Committee",
  "Commission", "Party", "Union", "Association", "Foundation", "Organization", "Organisation", "Bank",
  "Court", "Parliament", "Army", "Navy", "Police", "Service", "Services", "Authority", "Board",
  "Bureau", "Office", "Federation", "League", "Church", "Society", "Times", "News", "Post", "Herald",
  "Press", "Gazette", "Journal", "Tribune", "Network", "Airlines", "Airways", "Club", "FC", "Trust",
  "Fund", "Alliance", "Coalition", "Movement", "Assembly", "Senate", "Congress", "Cabinet",
  "Guard", "Corps", "Forces", "Enterprises", "Holdings", "Industries", "Technologies", "Systems",
  "Television", "Radio", "Magazine", "Agency", "Directorate", "Secretariat", "Tribunal", "Commission",
  "Force", "Motors", "Library", "Libraries", "Programme", "Program", "Co", "Cos", "Bhd", "Pty", "SpA", "Oyj",
  "Academy", "Institution", "School", "Government", "Division", "PLC", "Plc", "AG", "GmbH", "LLP",
  "Legion", "Regiment", "Squadron", "Fleet",
]);

/** Last words of facility names (place). */
export const FACILITY_HEADS = new Set([
  "Airport", "Station", "Stadium", "Arena", "Hospital", "Hall", "Bridge", "Square", "Street", "Road",
  "Palace", "Mosque", "Cathedral", "Temple", "Tower", "Towers", "Hotel", "Port", "Dam", "Prison",
  "Plant", "Harbour", "Harbor", "Terminal", "Refinery", "Camp", "Embassy", "Consulate", "Center",
  "Centre", "Museum", "Park", "Avenue", "Boulevard", "Memorial", "Cemetery", "Mall", "Market",
]);

/** Base phrase heads after a name ("Khmeimim airbase"). Lower-case token sequences. */
export const BASE_SUFFIXES: { words: string[]; canonical: string }[] = [
  { words: ["air", "force", "base"], canonical: "Air Force Base" },
  { words: ["air", "base"], canonical: "Air Base" },
  { words: ["airbase"], canonical: "Air Base" },
  { words: ["air", "field"], canonical: "Airfield" },
  { words: ["airfield"], canonical: "Airfield" },
  { words: ["air", "station"], canonical: "Air Station" },
  { words: ["naval", "air", "station"], canonical: "Naval Air Station" },
  { words: ["naval", "base"], canonical: "naval base" },
  { words: ["naval", "station"], canonical: "Naval Station" },
  { words: ["naval", "facility"], canonical: "naval facility" },
  { words: ["port", "facility"], canonical: "port facility" },
  { words: ["military", "base"], canonical: "military base" },
  { words: ["army", "base"], canonical: "Army Base" },
  { words: ["marine", "base"], canonical: "Marine Base" },
  { words: ["missile", "base"], canonical: "missile base" },
];

/** Never an entity on their own (lower case, normalised). */
export const BOILERPLATE = new Set([
  "q a", "r d", "m a", "b b", "original source", "source", "sources", "recent", "current", "however", "multiple", "reports", "report",
  "in summary", "summary", "meanwhile", "additionally", "furthermore", "moreover", "image", "photo",
  "credit", "credits", "read more", "related", "update", "updated", "breaking", "advertisement",
  "secretary", "president", "minister", "spokesperson", "spokesman", "officials", "official", "the",
  "this", "that", "these", "those", "there", "here", "it", "we", "they", "he", "she", "i", "you",
  "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "sir", "state", "government",
  "also", "despite", "although", "while", "after", "before", "during", "since", "according",
  "several", "many", "some", "all", "both", "each", "every", "new", "former", "ceo", "chief", "general",
  "western", "eastern", "northern", "southern", "english", "news", "breaking news", "analysis",
  "opinion", "editorial", "exclusive", "live", "watch", "video", "photos", "copyright", "all rights reserved",
  "first", "second", "third", "last", "next", "previous", "key", "major", "minor", "main", "top",
  "city", "country", "region", "capital", "north", "south", "east", "west", "nation", "republic",
  "king", "queen", "prince", "pope", "internet", "web", "online", "email", "tv", "no", "yes",
]);

/** Person-name particles that may be written lower case inside a name ("Bashar al-Assad"). */
export const NAME_PARTICLES = new Set([
  "al", "el", "bin", "ibn", "bint", "abu", "de", "del", "della", "di", "da", "dos", "das", "du", "des",
  "la", "le", "van", "von", "der", "den", "ter", "y", "st.", "ben",
]);
