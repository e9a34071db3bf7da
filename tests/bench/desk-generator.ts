import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Desk } from '../../src/main/repository/desk';
import { deskLayout } from '../../src/main/repository/layout';
import { slugify } from '../../src/shared/story/slug';

// A synthetic desk for the repository benchmark: stories in the reference
// story's layout (FORMAT.md) with the variety a real desk has, so that
// parsing, the entity registry, the index and search do realistic work. About
// two entities per story (20,000 for 10,000 stories), persons with accented
// and CJK names among them; outlets, regions, languages and lenses drawn from
// pools; dates over three years; ~13 takes a story; prose words from a
// Zipf-like vocabulary with accented and CJK words mixed in; Related links,
// with a few hub stories linked from many; front matter on some. Deterministic
// by seed: the same (n, seed) gives the same bytes.

export interface GeneratedDesk {
  root: string;
  /** Every story's slug, in generation order. */
  slugs: string[];
  /** Stories linked from many others (Related lines and prose): rename candidates. */
  hubs: string[];
  /** Distinct entity slugs the stories name. */
  entities: number;
  takes: number;
  bytes: number;
  /** A word that occurs in exactly one story (its `Filed under` line), by story index. */
  marker(i: number): string;
}

const LOCALE = 'ja';
const BASE_URL = 'https://rbtfl.xyz';
export const DATE_FROM = Date.UTC(2023, 5, 1);
const DATE_DAYS = 3 * 365 + 1;

/** mulberry32: small, fast and good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = `the of and to in a is that for on with as was by at from it an be has are
said not have its this but were which their after more would been had than over about new
who they will also into two other some could talks government minister officials president
week year years since while between against last first state deal forces talks border
ceasefire election parliament budget sanctions trade energy gas oil prices markets troops
strikes peace summit agreement coalition opposition court ruling protest vote reform crisis
talks negotiations war security defence military aid exports imports tariffs inflation
growth debt bank central rates policy region capital city province ministry leaders allies
support pressure response plan proposal report data figures officials analysts experts
spokesman statement interview sources people residents villages refugees migrants border
pipeline grid drones missiles attack offensive frontline territory withdrawal sovereignty
recognition mediation venue delegation round framework monitoring prisoners exchange swap`
  .split(/\s+/)
  .filter(Boolean);

const ACCENTED = `público café señor über naïve déjà vu résumé façade coöperation élite
Erdoğan São Paulo Kraków Zürich Gdańsk Bogotá Córdoba Málaga Düsseldorf Göteborg Ελλάδα
Αθήνα Москва Київ Україна переговоры перемирие энергия выборы Straße Grüße Ärger öffentlich
naïveté crème brûlée piñata jalapeño Ålesund Tromsø Łódź Wrocław Poznań Košice Plzeň
Ljubljana Beşiktaş İstanbul Ankara Şanlıurfa Diyarbakır Türkiye ministère économie
développement sécurité coopération régions élections référendum système géopolitique`
  .split(/\s+/)
  .filter(Boolean);

const CJK_WORDS = `北京 上海 和平 谈判 停火 东京 首尔 台湾 香港 中国 日本 韩国 俄罗斯 乌克兰
美国 欧洲 经济 能源 选举 外交 安全 军事 贸易 关税 市场 政府 总统 首相 会谈 协议 制裁 石油 天然气
習近平 岸田 平和 交渉 経済 選挙 防衛 東京都 大阪 京都 外務省 国会 首脳会談 서울 평화 협상 경제
선거 대통령 국회 외교 안보 무역 가스 석유 전쟁 군사 習 和 京 戦 안`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = `ka ra mo ti len dor vas pel qui nar sto bri gal fen ush ol wyn trel mak
zor pi lu sen ath cor dim ve ta ro gri fal hun ix jo kel mir nov pas rud sol tam urb vol
yan zel bo cra dre fi gro hal ist jun kro lom mun nor per rav sil tor ulm ved wol xan`
  .split(/\s+/)
  .filter(Boolean);

const FIRST = `James Maria José Anna François Zoë Jürgen Søren Łukasz Ángel Çağla Begoña
Renée Małgorzata Đorđe İlker Olena Dmytro Sergei Natalia Ahmed Fatima Mohammed Leila Omar
Hassan Yusuf Amira Kwame Ngozi Chidi Amara Thabo Lerato Carlos Lucía Mateo Valentina Diego
Camila João Beatriz Pedro Inês Luca Giulia Marco Chiara Hans Greta Klaus Ingrid Pierre
Amélie Étienne Hélène Björn Åsa Lars Sigrid Piotr Agnieszka Tomasz Katarzyna Andrzej Ewa
Mehmet Ayşe Mustafa Elif Raj Priya Arjun Ananya Vikram Kavya Hiroshi Yuki Kenji Aiko Min
Ji-woo Seo-yeon David Sarah Michael Emily Robert Laura William Olivia Thomas Sophie Daniel
Emma Paul Claire Mark Rachel Peter Helen John Kate Andrew Julia Simon Nina Viktor Irina
Oleksandr Yulia Mikhail Svetlana Nikolai Tatiana Volodymyr Oksana Bogdan Mariana Siobhán
Seán Aoife Niamh Dónal Eoin`
  .split(/\s+/)
  .filter(Boolean);

const LAST = `Smith García Müller Erdoğan Núñez Gonçalves Šimić Østergaard Kowalczyk O'Brien
Nowak Kovalenko Shevchenko Ivanov Petrov Sokolova Tkachenko Bondarenko Melnyk Kravchenko
Rossi Bianchi Ferrari Esposito Dubois Lefèvre Moreau Fournier Girard Schmidt Schneider
Fischer Weber Wagner Becker Hoffmann Schäfer Koch Richter Klein Wolf Schröder Neumann
Jansen de Vries van Dijk Bakker Visser Andersson Johansson Karlsson Nilsson Eriksson
Larsen Hansen Pedersen Nielsen Kristensen Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk
Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Silva Santos
Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho
Almeida Lopes Soares Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz
Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez
Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro
Ortiz Rubio Marín Sanz Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero
Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera
Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero
Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer Durán Santiago Benítez Mora Vicente Vargas
Arias Carmona Crespo Román Pastor Soto Sáez Velasco Moya Soler Parra Esteban Bravo
Gallardo Rojas Okafor Mensah Boateng Nkosi Dlamini Mahlangu Kamau Otieno Wanjiru Haddad
Khalil Mansour Nasser Saleh Farouk Rahman Hussain Chowdhury Sharma Patel Singh Gupta
Iyer Reddy Nair Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kim Lee
Park Choi Jung Kang Cho Yoon Jang Lim Nguyen Tran Pham Hoang Phan`
  .split(/\s+/)
  .filter(Boolean);

const CJK_SURNAMES = [...'王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾'];
const CJK_GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志强德文博宇浩然子轩梓涵一诺欣怡',
];
const JA_SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
];
const JA_GIVEN = ['翔太', '陽菜', '蓮', '結衣', '大翔', '美咲', '健太', '花子', '一郎', '直子'];
const KO_SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임'];
const KO_GIVEN = ['민준', '서연', '도윤', '지우', '하준', '서윤', '예준', '지민', '현우', '수빈'];

const ORG_KINDS = `Institute Ministry Council Party Bank Foundation Agency Commission Union
Front Alliance Group Forum Centre Committee Fund Authority Movement Corporation Initiative`
  .split(/\s+/)
  .filter(Boolean);

const OUTLET_BASE = `Reuters;AP;AFP;BBC;CNN;Al Jazeera;Le Monde;Le Figaro;Libération;Der Spiegel;
Süddeutsche Zeitung;Die Zeit;FAZ;El País;El Mundo;Público;La Repubblica;Corriere della Sera;
Gazeta Wyborcza;Rzeczpospolita;Kyiv Independent;Ukrainska Pravda;TASS;RIA Novosti;Meduza;
Novaya Gazeta;Kommersant;Xinhua;新华社;人民日报;Global Times;South China Morning Post;
朝日新聞;読売新聞;NHK;조선일보;연합뉴스;The Hindu;Times of India;Dawn;Hürriyet;Sabah;
Cumhuriyet;Haaretz;Times of Israel;Al Arabiya;The National;Daily Maverick;Mail & Guardian;
Folha de S.Paulo;O Globo;Clarín;La Nación;The Guardian;The Times;Financial Times;
The Economist;New York Times;Washington Post;Wall Street Journal;Politico;Bloomberg;
Deutsche Welle;France 24;Euronews;RFE/RL;Wikipedia (2026 US-Ukraine-Russia meetings in Geneva);
Baidu Baike (2026 Russia-Ukraine Peace Talks);House of Commons Library;Cambridge Initiative on Peace Settlements`
  .split(';')
  .map((s) => s.trim())
  .filter(Boolean);

const REGIONS = `Global;United States;United Kingdom;France;Germany;Poland;Ukraine;Russia;
Russia (exile);China;Qatar;Turkey;Japan;India;Brazil;Spain;Italy;Portugal;Israel;Iran;
Saudi Arabia;UAE;South Africa;Nigeria;Kenya;Egypt;Pakistan;South Korea;Taiwan;Hong Kong;
Argentina;Mexico;Canada;Australia;Sweden;Norway;Finland;Denmark;Netherlands;Belgium;
Czechia;Slovakia;Hungary;Romania;Moldova;Georgia;Armenia;Azerbaijan;Kazakhstan;Belarus;
Lithuania;Latvia;Estonia;Greece;Serbia;Croatia;Switzerland;Austria;Ireland;Vietnam`
  .split(';')
  .map((s) => s.trim())
  .filter(Boolean);

const LANGUAGES = `en ru uk fr de pl zh ar ja es tr pt it ko he fa hi nl sv el`.split(' ');

const LENSES = [
  'unlabelled',
  'US mainstream',
  'Central-European analytical',
  'Russian state',
  'Ukrainian',
  'Chinese state',
  'Gulf',
  'Francophone',
  'Global South',
  'Nordic',
  'Latin American',
  'East Asian',
];

const HEADS = [
  'How Wars Actually End',
  'Who Decides',
  'Money and Power',
  'Energy and Climate',
  "Europe's Choices",
  'The New Cold War',
  'Borders and People',
  'Tech and Control',
  'Food and Water',
  'Courts and Rights',
];

const TYPES = ['story', 'story', 'story', 'brief', 'explainer'];
const STATUSES = ['draft', 'editing', 'fact-check', 'ready', 'published'];
const ASSIGNEES = ['Ana', 'Björn', 'Chloé', 'Dmytro', 'Emeka', '佐藤', 'Zoë'];

interface Vocabulary {
  words: string[];
}

function vocabulary(random: () => number): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  const add = (w: string) => {
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  };
  for (const w of COMMON) add(w);
  // Pseudo-words of 2-4 syllables: the long tail that makes rare terms rare.
  while (words.length < 6000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    add(w);
  }
  return { words };
}

interface EntityDef {
  name: string;
  slug: string;
  /** Another text prose links may show for it (a surname, a short form). */
  alias: string | null;
}

function entityPool(count: number, random: () => number): EntityDef[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out: EntityDef[] = [];
  const slugs = new Set<string>();
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const r = random();
    let name: string;
    let alias: string | null = null;
    if (r < 0.62) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const middle =
        random() < 0.5 ? ` ${String.fromCharCode(65 + Math.floor(random() * 26))}.` : '';
      name = `${first}${middle} ${last}`;
      if (random() < 0.3) alias = last;
    } else if (r < 0.72) {
      name = pick(CJK_SURNAMES) + pick(CJK_GIVEN) + (random() < 0.7 ? pick(CJK_GIVEN) : '');
    } else if (r < 0.75) {
      name = pick(JA_SURNAMES) + pick(JA_GIVEN);
    } else if (r < 0.78) {
      name = pick(KO_SURNAMES) + pick(KO_GIVEN);
    } else if (r < 0.93) {
      const w = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
      const word = w[0]!.toUpperCase() + w.slice(1);
      name = random() < 0.5 ? `${word} ${pick(ORG_KINDS)}` : `${pick(ORG_KINDS)} of ${word}`;
    } else {
      const w = pick(SYLLABLES) + pick(SYLLABLES);
      name = `${w[0]!.toUpperCase()}${w.slice(1)}${pick(['', 'sk', 'grad', 'ville', 'abad', 'ów', 'ário'])}`;
    }
    const slug = slugify(name);
    if (slugs.has(slug)) continue;
    slugs.add(slug);
    out.push({ name, slug, alias });
  }
  return out;
}

function outletPool(random: () => number): { name: string; host: string }[] {
  const out = OUTLET_BASE.map((name) => ({ name, host: hostFor(name) }));
  for (let i = 0; out.length < 400; i++) {
    const w = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const v = SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const kind = ['Post', 'Herald', 'Times', 'Gazette', 'Courier', 'Review', 'Daily', 'Observer'][
      i % 8
    ]!;
    const name = `${w[0]!.toUpperCase()}${w.slice(1)}${v} ${kind}`;
    out.push({ name, host: hostFor(name) });
  }
  return out;
}

function hostFor(name: string): string {
  const base = slugify(name).replace(/-/g, '').slice(0, 20) || 'news';
  return `www.${base}.com`;
}

/** A generator of stories for one desk: the pools are drawn once from the seed. */
export class StoryFactory {
  readonly entities: EntityDef[];
  readonly slugs: string[];
  readonly hubs: string[];
  /** The prose vocabulary, most common first. */
  readonly words: string[];
  private readonly outlets: { name: string; host: string }[];
  private readonly used = new Set<string>();
  private takeCount = 0;

  constructor(
    readonly n: number,
    readonly seed: number,
  ) {
    const random = rng(seed);
    this.words = vocabulary(random).words;
    this.entities = entityPool(Math.max(50, Math.round(n * 2.2)), random);
    this.outlets = outletPool(random);
    this.slugs = [];
    const slugSet = new Set<string>();
    for (let i = 0; i < n; i++) {
      let slug = this.slugFor(random, i);
      while (slugSet.has(slug)) slug = `${slug}-${i.toString(36)}`;
      slugSet.add(slug);
      this.slugs.push(slug);
    }
    const hubCount = Math.max(1, Math.min(5, Math.floor(n / 200)));
    this.hubs = this.slugs.slice(0, hubCount);
  }

  get distinctEntities(): number {
    return this.used.size;
  }

  get takes(): number {
    return this.takeCount;
  }

  private slugFor(random: () => number, i: number): string {
    const a = this.words[COMMON.length + Math.floor(random() * 3000)]!;
    const b = this.words[COMMON.length + Math.floor(random() * 3000)]!;
    return `${a}-${b}-${i}`;
  }

  /** A word found in story i only. */
  marker(i: number): string {
    return `mk${i.toString(36).padStart(4, '0')}q`;
  }

  /** The text of story i (0 <= i < n, or beyond for extra stories with `slug`). */
  story(i: number, slug = this.slugs[i]!): string {
    const random = rng(this.seed * 7919 + i * 104729 + 17);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const words = this.words;
    // Zipf-like: the low indices (common words) come up most.
    const word = () => {
      const r = random();
      if (r < 0.012) return pick(ACCENTED);
      if (r < 0.016) return pick(CJK_WORDS);
      const u = random();
      return words[Math.floor(words.length * u * u * u)]!;
    };
    const sentence = (min: number, max: number) => {
      const len = min + Math.floor(random() * (max - min + 1));
      const out: string[] = [];
      for (let k = 0; k < len; k++) out.push(word());
      const s = out.join(' ');
      return s[0]!.toUpperCase() + s.slice(1) + '.';
    };
    // Entities: a few popular ones, most from the long tail.
    const entity = () => {
      const r = random();
      const pool = this.entities;
      const e =
        r < 0.25 ? pool[Math.floor(random() * 150)]! : pool[Math.floor(random() * pool.length)]!;
      return e;
    };
    const chosen = new Map<string, EntityDef>();
    const nEntities = 5 + Math.floor(random() * 5);
    while (chosen.size < nEntities) {
      const e = entity();
      chosen.set(e.slug, e);
    }
    const ents = [...chosen.values()];
    for (const e of ents) this.used.add(e.slug);
    // Links are kept on one line (NBSP-joined until wrapped), as editors write them.
    const link = (e: EntityDef) => {
      const text = e.alias && random() < 0.3 ? e.alias : e.name;
      return `[${text}](/${LOCALE}/entity/${e.slug})`.replaceAll(' ', '\0');
    };
    const otherStory = () => {
      if (random() < 0.03 && this.hubs.length) return pick(this.hubs);
      return this.slugs[Math.floor(random() * this.slugs.length)]!;
    };

    const wrap = (paragraph: string) => {
      const out: string[] = [];
      let line = '';
      for (const token of paragraph.split(' ')) {
        if (line && line.length + token.length + 1 > 92) {
          out.push(line);
          line = token;
        } else line = line ? `${line} ${token}` : token;
      }
      if (line) out.push(line);
      return out.join('\n').replaceAll('\0', ' ');
    };
    const prose = (sentences: number, linkEntities: EntityDef[], storyLink: string | null) => {
      const parts: string[] = [];
      for (let k = 0; k < sentences; k++) {
        let s = sentence(8, 22);
        const e = linkEntities[k];
        if (e) {
          const at = s.indexOf(' ', Math.floor(s.length / 2));
          s = at > 0 ? `${s.slice(0, at)} ${link(e)}${s.slice(at)}` : `${s} ${link(e)}`;
        }
        if (k === 1 && storyLink) {
          s = `${s.slice(0, -1)}, as [${word()}\0${word()}](/${LOCALE}/n/${storyLink}) showed.`;
        }
        parts.push(s);
      }
      return wrap(parts.join(' '));
    };

    const title = (() => {
      const len = 6 + Math.floor(random() * 8);
      const t: string[] = [];
      for (let k = 0; k < len; k++) t.push(word());
      if (random() < 0.5) t.splice(2, 0, ents[0]!.name);
      const s = t.join(' ');
      return s[0]!.toUpperCase() + s.slice(1);
    })();
    const dek = sentence(14, 28).slice(0, -1);
    const day = Math.floor(random() * DATE_DAYS);
    const date = new Date(DATE_FROM + day * 86_400_000).toISOString().slice(0, 10);
    const heads = [...new Set([pick(HEADS), ...(random() < 0.5 ? [pick(HEADS)] : [])])];

    // Takes: ~13 in 1-4 lens groups.
    const nTakes = 8 + Math.floor(random() * 11);
    const nLenses = Math.min(nTakes, 1 + Math.floor(random() * 4));
    const lensNames = [...new Set(Array.from({ length: nLenses }, () => pick(LENSES)))];
    const groups: string[][] = lensNames.map((l) => [`### ${l}`]);
    const regions = new Set<string>();
    for (let k = 0; k < nTakes; k++) {
      const outlet = random() < 0.4 ? this.outlets[Math.floor(random() * 40)]! : pick(this.outlets);
      const region = pick(REGIONS);
      regions.add(region);
      const language = pick(LANGUAGES);
      const summary = random() < 0.55 ? sentence(12, 34) : '';
      const lines = [`- **${outlet.name}** (${region}, ${language}) — ${summary}`];
      if (random() < 0.25) lines.push(`  > "${sentence(10, 26)}"`);
      lines.push(
        `  Source: https://${outlet.host}/${
          word()
            .normalize('NFKD')
            .replace(/[^a-z]/gi, '') || 'news'
        }/${2023 + Math.floor(random() * 4)}/${Math.floor(random() * 1e6)}`,
      );
      groups[k < lensNames.length ? k : Math.floor(random() * lensNames.length)]!.push(...lines);
    }
    this.takeCount += nTakes;
    const counts = `${nTakes} takes · ${lensNames.length} lens${lensNames.length === 1 ? '' : 'es'} · ${regions.size} region${regions.size === 1 ? '' : 's'}`;

    const related = [
      ...new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, otherStory)),
    ].filter((s) => s !== slug);
    const numbers = Array.from({ length: 3 + Math.floor(random() * 4) }, () => {
      const figure = pick([
        `${Math.floor(random() * 1000)}`,
        `${Math.floor(random() * 500)}-for-${Math.floor(random() * 500)}`,
        `$${(random() * 90).toFixed(1)}bn`,
        `${Math.floor(random() * 100)}%`,
        `${1 + Math.floor(random() * 28)} June`,
        `${(random() * 9000 + 1000).toFixed(0)}`,
      ]);
      return `- ${figure}, ${sentence(5, 14).slice(0, -1).toLowerCase()}.`;
    });
    const watch = Array.from(
      { length: 2 + Math.floor(random() * 3) },
      () => `- ${sentence(6, 14)}`,
    );

    const out: string[] = [];
    const r = random();
    if (r < 0.3) {
      out.push('---', `status: ${pick(STATUSES)}`);
      if (random() < 0.5) out.push(`assignee: ${pick(ASSIGNEES)}`);
      out.push('---');
    }
    out.push(
      `# ${title}`,
      `> ${dek}`,
      '',
      `**Meta:** type: ${pick(TYPES)} · date: ${date} · heads: ${heads.join(', ')} · ${counts}`,
      '',
      '## Summary',
      '',
      `${prose(4 + Math.floor(random() * 4), ents.slice(0, 4), null)}\nFiled under ${this.marker(i)}.`,
      '',
    );
    if (random() < 0.8)
      out.push('## The split', '', prose(3 + Math.floor(random() * 3), ents.slice(4, 6), null), '');
    out.push('## By the numbers', '', ...numbers, '');
    out.push(
      '## Why it matters',
      '',
      prose(2 + Math.floor(random() * 3), ents.slice(6, 7), otherStory()),
      '',
    );
    out.push('## What to watch', '', ...watch, '');
    out.push(
      '## Regional takes (batched by bias / lens)',
      '',
      groups.map((g) => g.join('\n')).join('\n\n'),
      '',
    );
    out.push('## Across the graph');
    if (related.length) out.push(`- Related: ${related.map((s) => `[[${s}]]`).join(', ')}`);
    out.push(
      `- Entities: ${ents.map((e) => e.name).join(', ')}`,
      '',
      '---',
      `Canonical: ${BASE_URL}/${LOCALE}/n/${slug}`,
      '',
    );
    return out.join('\n');
  }
}

/**
 * Writes a desk of `n` stories under `dir` (created if missing): stories/ and
 * .desk/desk.json (Desk.scaffold). No entity files and no index: the desk as a
 * first open finds it.
 */
export function generateDesk(dir: string, n = 10_000, seed = 1): GeneratedDesk {
  mkdirSync(dir, { recursive: true });
  const layout = deskLayout(dir);
  Desk.scaffold(layout, { baseUrl: BASE_URL, locale: LOCALE });
  const factory = new StoryFactory(n, seed);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = factory.story(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(layout.stories, `${factory.slugs[i]}.md`), text);
  }
  return {
    root: dir,
    slugs: factory.slugs,
    hubs: factory.hubs,
    entities: factory.distinctEntities,
    takes: factory.takes,
    bytes,
    marker: (i) => factory.marker(i),
  };
}
