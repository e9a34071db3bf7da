import { describe, expect, it } from 'vitest';
import { renderStoryHtml, type RenderOptions } from './story-html';
import { prose, story, take } from './test-story';

const preview: RenderOptions = { locale: 'ja', mode: 'preview' };
const standalone: RenderOptions = { locale: 'ja', mode: 'standalone' };

function count(html: string, pattern: RegExp): number {
  return html.match(new RegExp(pattern, 'g'))?.length ?? 0;
}

const HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

const ELEMENTS = new Set(
  'article header footer section div p span strong em a time h1 h2 h3 h4 h5 h6 ul ol li figure blockquote figcaption code pre br hr'.split(
    ' ',
  ),
);
const ATTRIBUTES = /^(class|href|rel|title|hreflang|cite|datetime|aria-hidden|start|data-[a-z-]+)$/;

/**
 * No element, attribute or URL that could run script or fetch anything: every
 * tag is one we mean to write, with attributes we mean to write. Text may say
 * `onerror=`; only markup matters, and in text every `<` is escaped.
 */
function expectInert(html: string) {
  const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s="'<>]+(?:="[^"<>]*")?)*)\s*>/g;
  for (const tag of html.matchAll(TAG)) {
    expect(ELEMENTS.has(tag[1]!.toLowerCase()), tag[0]).toBe(true);
    for (const attr of (tag[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      expect(attr[1], tag[0]).toMatch(ATTRIBUTES);
      if (/^(href|cite)$/.test(attr[1]!))
        expect(attr[2], tag[0]).toMatch(/^(https?:\/\/|\/[a-z]{2}\/(entity|n)\/)/);
    }
  }
  // Anything else with an angle bracket is markup the scan did not vet.
  expect(html.replace(TAG, '')).not.toMatch(/[<>]/);
}

it('expectInert itself catches markup that could act', () => {
  for (const bad of [
    '<img src=x>',
    '<p onclick="x">',
    '<a href="javascript:x">',
    '<p>a<b</p>',
    '<svg>',
  ])
    expect(() => expectInert(bad), bad).toThrow();
  expect(() => expectInert('<p class="x">&lt;img onerror=x&gt;</p>')).not.toThrow();
});

describe('header', () => {
  it('renders title, dek and a meta line with derived counts', () => {
    const s = story(
      {
        meta: {
          kind: 'meta',
          type: 'brief',
          date: '2026-06-05',
          heads: ['A', 'B'],
          counts: { takes: 9, lenses: 9, regions: 9 },
        },
      },
      [
        {
          kind: 'takes',
          intro: [],
          groups: [
            {
              lens: 'one',
              items: [take({ region: 'Russia' }), take({ region: 'Russia (exile)' })],
            },
            { lens: 'two', items: [take({ region: 'Russia' }), { kind: 'raw', text: 'stray' }] },
          ],
        },
      ],
    );
    const html = renderStoryHtml(s, preview);
    expect(html).toContain('<h1 class="story-title" data-field="title">A title</h1>');
    expect(html).toContain('<p class="dek" data-field="dek">A dek</p>');
    expect(html).toContain('<span class="meta-type">brief</span>');
    expect(html).toContain('<time datetime="2026-06-05">5 June 2026</time>');
    expect(html).toContain('<span class="head">A</span>, <span class="head">B</span>');
    // What the takes say, not what the Meta line typed.
    expect(html).toMatch(/3 takes<\/span>.*2 lenses<\/span>.*2 regions<\/span>/);
  });

  it('writes counts of one in the singular', () => {
    expect(renderStoryHtml(story(), preview)).toMatch(
      /1 take<\/span>.*1 lens<\/span>.*1 region<\/span>/,
    );
  });

  it('formats the date in the story language and keeps an impossible date as typed', () => {
    const meta = {
      kind: 'meta' as const,
      type: 'story',
      date: '2026-06-05',
      heads: [],
      counts: { takes: 1, lenses: 1, regions: 1 },
    };
    expect(renderStoryHtml(story({ meta }), { ...preview, lang: 'de' })).toContain('5. Juni 2026');
    const bad = renderStoryHtml(story({ meta: { ...meta, date: '2026-02-30' } }), preview);
    expect(bad).not.toContain('<time');
    expect(bad).toContain('<span class="meta-date">2026-02-30</span>');
    expect(renderStoryHtml(story({ meta }), { ...preview, lang: 'not a tag!' })).toContain(
      'datetime="2026-06-05"',
    );
  });

  it('renders a Meta line kept raw, and preamble lines, as escaped text', () => {
    const html = renderStoryHtml(
      story({
        meta: { kind: 'raw', text: '**Meta:** <b>broken' },
        preamble: [{ kind: 'raw', text: HOSTILE }],
      }),
      preview,
    );
    expect(html).toContain('<p class="raw" data-field="meta">**Meta:** &lt;b&gt;broken</p>');
    expect(html).toContain('<p class="raw">&lt;script&gt;');
    expectInert(html);
  });

  it('escapes title, dek and meta fields', () => {
    const html = renderStoryHtml(
      story({
        title: HOSTILE,
        dek: HOSTILE,
        meta: {
          kind: 'meta',
          type: HOSTILE,
          date: HOSTILE,
          heads: [HOSTILE],
          counts: { takes: 0, lenses: 0, regions: 0 },
        },
      }),
      preview,
    );
    expectInert(html);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
  });

  it('never shows the front matter', () => {
    const html = renderStoryHtml(
      story({ frontMatter: 'status: draft\nnotes: secret source\n' }),
      preview,
    );
    expect(html).not.toContain('secret');
    expect(html).not.toContain('draft');
  });
});

describe('sections', () => {
  it('numbers sections and renders prose through markdown', () => {
    const html = renderStoryHtml(
      story({}, [prose('The **split**.', 'split'), prose('Matters.', 'matters')]),
      preview,
    );
    expect(html).toContain(
      '<section class="story-section section-split" data-section="0">\n<h2>The split</h2>',
    );
    expect(html).toContain('<div class="prose"><p>The <strong>split</strong>.</p>\n</div>');
    expect(html).toContain('data-section="1">\n<h2>Why it matters</h2>');
  });

  it('renders an unknown section as prose under its escaped heading', () => {
    const html = renderStoryHtml(
      story({}, [
        {
          kind: 'unknown',
          heading: 'Notes <em>x</em>',
          text: 'Kept *here*.\n\n<script>x</script>',
        },
      ]),
      preview,
    );
    expect(html).toContain('<h2>Notes &lt;em&gt;x&lt;/em&gt;</h2>');
    expect(html).toContain('<p>Kept <em>here</em>.</p>');
    expectInert(html);
  });

  it('renders numbers with the figure emphasised, and raw lines as text', () => {
    const html = renderStoryHtml(
      story({}, [
        {
          kind: 'numbers',
          items: [
            { kind: 'number', figure: '1,250', note: 'people, *roughly*' },
            { kind: 'raw', text: '- broken <line>' },
          ],
        },
      ]),
      preview,
    );
    expect(html).toContain('<h2>By the numbers</h2>');
    expect(html).toContain(
      '<li class="number" data-number="0"><strong class="figure">1,250</strong> ' +
        '<span class="note">people, <em>roughly</em></span></li>',
    );
    expect(html).toContain(
      '<li class="raw-item" data-number="1"><p class="raw">- broken &lt;line&gt;</p></li>',
    );
  });

  it('renders What to watch as a list', () => {
    const html = renderStoryHtml(
      story({}, [
        {
          kind: 'watch',
          items: [
            { kind: 'item', text: 'Whether "x" & y' },
            { kind: 'raw', text: 'odd' },
          ],
        },
      ]),
      preview,
    );
    expect(html).toContain(
      '<ul class="watch">\n<li data-watch="0">Whether &quot;x&quot; &amp; y</li>',
    );
    expect(html).toContain('<li class="raw-item" data-watch="1"><p class="raw">odd</p></li>');
  });
});

describe('regional takes', () => {
  const quoted = take({
    outlet: 'CNN',
    region: 'United States',
    language: 'en',
    summary: 'Frames the rounds.',
    quote: 'Little other progress.',
    source: 'https://www.cnn.com/2025/07/23/europe/x',
  });

  it('groups takes under one h3 per lens, each an article with its model index', () => {
    const html = renderStoryHtml(
      story({}, [
        {
          kind: 'takes',
          intro: [{ kind: 'raw', text: 'An intro line' }],
          groups: [
            { lens: 'unlabelled', items: [take(), { kind: 'raw', text: 'stray' }, take()] },
            { lens: 'US mainstream', items: [quoted] },
          ],
        },
      ]),
      preview,
    );
    expect(html).toContain(
      '<h2>Regional takes <span class="heading-aside">(batched by bias / lens)</span></h2>',
    );
    expect(html).toContain('<p class="raw">An intro line</p>');
    expect(count(html, /<h3 class="lens-name">/)).toBe(2);
    expect(html).toContain(
      '<section class="lens" data-group="1">\n<h3 class="lens-name">US mainstream</h3>',
    );
    expect(count(html, /<article class="take"/)).toBe(3);
    expect(html).toContain('data-take="0.0"');
    expect(html).toContain('<li class="raw-item" data-take="0.1"><p class="raw">stray</p></li>');
    expect(html).toContain('data-take="0.2"');
    expect(html).toContain('data-take="1.0"');
  });

  it('shows outlet, region and language, the summary, and the source host as a link', () => {
    const html = renderStoryHtml(
      story({}, [{ kind: 'takes', intro: [], groups: [{ lens: 'x', items: [quoted] }] }]),
      preview,
    );
    expect(html).toContain('<strong class="outlet">CNN</strong>');
    expect(html).toContain('<span class="vh">Region: </span>United States</span>');
    expect(html).toContain('<span class="vh">Language: </span>en</span>');
    expect(html).toContain('<p class="summary">Frames the rounds.</p>');
    expect(html).toContain(
      '<a href="https://www.cnn.com/2025/07/23/europe/x" class="external-link" rel="noopener noreferrer" ' +
        'hreflang="en" title="https://www.cnn.com/2025/07/23/europe/x">cnn.com</a>',
    );
  });

  it('renders the quote as a blockquote in a figure captioned with the outlet', () => {
    const html = renderStoryHtml(
      story({}, [{ kind: 'takes', intro: [], groups: [{ lens: 'x', items: [quoted] }] }]),
      preview,
    );
    expect(html).toContain(
      '<figure class="quote">\n<blockquote cite="https://www.cnn.com/2025/07/23/europe/x"><p>Little other progress.</p></blockquote>\n' +
        '<figcaption>CNN</figcaption>\n</figure>',
    );
  });

  it('renders nothing for an empty summary, and marks such a take compact', () => {
    const html = renderStoryHtml(
      story({}, [
        { kind: 'takes', intro: [], groups: [{ lens: 'x', items: [take({ summary: '' })] }] },
      ]),
      preview,
    );
    expect(html).not.toContain('class="summary"');
    expect(html).toContain('<li class="take-item compact">');
    expect(html).not.toContain('<figure');
  });

  it('keeps a bad language off lang attributes and a bad source off hrefs', () => {
    const html = renderStoryHtml(
      story({}, [
        {
          kind: 'takes',
          intro: [],
          groups: [
            {
              lens: HOSTILE,
              items: [
                take({
                  outlet: HOSTILE,
                  region: HOSTILE,
                  language: 'en" onclick="x',
                  summary: `[click](javascript:alert(1)) ${HOSTILE}`,
                  quote: HOSTILE,
                  source: 'javascript:alert(document.cookie)',
                }),
              ],
            },
          ],
        },
      ]),
      preview,
    );
    expectInert(html);
    expect(html).not.toContain('hreflang');
    expect(html).toContain('<span class="source-text">javascript:alert(document.cookie)</span>');
    expect(html).toContain('<p class="summary">click &lt;script&gt;');
    expect(html).not.toContain('cite=');
  });

  it('omits the source line when a take has none', () => {
    const html = renderStoryHtml(
      story({}, [
        { kind: 'takes', intro: [], groups: [{ lens: 'x', items: [take({ source: null })] }] },
      ]),
      preview,
    );
    expect(html).not.toContain('class="source"');
  });
});

describe('across the graph', () => {
  const graph = story({}, [
    {
      kind: 'graph',
      related: ['putin-zelensky-talks-rebuff', 'Not A Slug"'],
      entities: ['Vladimir Putin', 'Público', '<b>x</b>'],
      extra: [{ kind: 'raw', text: '- Other: thing' }],
    },
  ]);

  it('links Related slugs as story links and entities as entity links', () => {
    const html = renderStoryHtml(graph, preview);
    expect(html).toContain('<h2>Across the graph</h2>');
    expect(html).toContain(
      '<li data-related="0"><a href="/ja/n/putin-zelensky-talks-rebuff" class="story-link" ' +
        'data-story="putin-zelensky-talks-rebuff">putin-zelensky-talks-rebuff</a></li>',
    );
    expect(html).toContain(
      '<li data-related="1"><span class="chip-text">Not A Slug&quot;</span></li>',
    );
    expect(html).toContain(
      '<a href="/ja/entity/vladimir-putin" class="entity-link" data-entity="vladimir-putin">Vladimir Putin</a>',
    );
    expect(html).toContain('data-entity="publico">Público</a>');
    expect(html).toContain('data-entity="b-x-b">&lt;b&gt;x&lt;/b&gt;</a>');
    expect(html).toContain('<p class="raw">- Other: thing</p>');
  });

  it('uses the resolvers the app passes', () => {
    const html = renderStoryHtml(graph, {
      ...preview,
      storyTitle: (slug) =>
        slug === 'putin-zelensky-talks-rebuff' ? 'Putin <rebuffs>' : undefined,
      entitySlug: (name) => (name === 'Vladimir Putin' ? 'putin' : null),
    });
    expect(html).toContain('data-story="putin-zelensky-talks-rebuff">Putin &lt;rebuffs&gt;</a>');
    expect(html).toContain('data-entity="putin">Vladimir Putin</a>');
    expect(html).toContain('<span class="chip-text">Público</span>');
  });

  it('leaves out a Related or Entities line the story does not have', () => {
    const html = renderStoryHtml(
      story({}, [{ kind: 'graph', related: null, entities: null, extra: [] }]),
      preview,
    );
    expect(html).not.toContain('class="related"');
    expect(html).not.toContain('class="entities"');
  });
});

describe('modes', () => {
  const s = story({}, [
    prose('[Moscow](/ja/entity/russia), [front](/ja/n/front), [ext](https://ex.example/a)'),
    { kind: 'graph', related: ['front'], entities: ['Russia'], extra: [] },
  ]);

  it('keeps desk paths in preview', () => {
    const html = renderStoryHtml(s, preview);
    expect(count(html, /href="\/ja\/(entity|n)\//)).toBe(4);
    expect(
      count(html, /href="https:\/\/rbtfl\.xyz\/ja\/(entity|n)\/[^"]*" class="(entity|story)-link"/),
    ).toBe(0);
  });

  it('makes desk paths absolute in standalone, from the Canonical URL', () => {
    const html = renderStoryHtml(s, standalone);
    expect(html).not.toMatch(/href="\/ja\//);
    expect(
      count(html, /href="https:\/\/rbtfl\.xyz\/ja\/(entity|n)\/[^"]*" class="(entity|story)-link"/),
    ).toBe(4);
    expect(html).toContain(
      'href="https://ex.example/a" class="external-link" rel="noopener noreferrer"',
    );
  });

  it('prefers options.baseUrl to the Canonical URL', () => {
    const html = renderStoryHtml(s, { ...standalone, baseUrl: 'https://desk.example' });
    expect(count(html, /href="https:\/\/desk\.example\/ja\//)).toBe(4);
  });

  it('treats other locales\u2019 desk paths as plain text', () => {
    const html = renderStoryHtml(story({}, [prose('[x](/en/entity/russia)')]), preview);
    expect(html).toContain('<p>x</p>');
  });
});

describe('footer', () => {
  it('links the Canonical URL', () => {
    const html = renderStoryHtml(story(), preview);
    expect(html).toContain(
      '<footer class="story-footer">\n<p class="permalink" data-field="canonical"><span class="label">Permalink</span> ' +
        '<a class="canonical" href="https://rbtfl.xyz/ja/n/a-story">https://rbtfl.xyz/ja/n/a-story</a></p>',
    );
  });

  it('shows a Canonical that is not http(s) as text, and trailer lines as raw text', () => {
    const html = renderStoryHtml(
      story({
        canonical: 'javascript:alert(1)',
        trailer: [
          { kind: 'raw', text: 'after <b>' },
          { kind: 'raw', text: '' },
        ],
      }),
      preview,
    );
    expect(html).toContain('<span class="canonical">javascript:alert(1)</span>');
    expect(html).toContain('<p class="raw">after &lt;b&gt;</p>');
    expect(count(html, /class="raw"/)).toBe(1);
    expectInert(html);
  });

  it('copes with a story that has almost nothing', () => {
    const html = renderStoryHtml(
      story({ title: null, dek: null, meta: null, canonical: null, sections: [] }),
      standalone,
    );
    expect(html).toBe(
      '<article class="story">\n<header class="story-header">\n</header>\n<footer class="story-footer">\n</footer>\n</article>',
    );
  });
});
